-- The last crawl run of each source that ran to its end, why it failed and what it warned about (null: nothing), for /health.
select r.source_code, r.finished_at, r.failure, r.warnings
from dbo.crawl_run r
where r.run_key = (select max(x.run_key) from dbo.crawl_run x where x.source_code = r.source_code and x.finished_at is not null);
