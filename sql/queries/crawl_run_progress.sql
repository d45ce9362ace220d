-- How far a run has come: its URLs handled and known so far.
select
    coalesce(sum(case when state <> 'pending' then 1 else 0 end), 0) as handled,
    count(*) as known
from dbo.crawl_url
where source_code = @SourceCode and run_key = @RunKey;
