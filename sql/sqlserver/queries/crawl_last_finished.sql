-- The last crawl run of each source that ran to its end (for /health).
select source_code, max(finished_at) as finished_at
from dbo.crawl_run
where finished_at is not null
group by source_code;
