-- A run's URLs by kind, state and outcome, for its closing summary.
select kind, state, coalesce(outcome, '') as outcome, count(*) as urls
from dbo.crawl_url
where source_code = @SourceCode and run_key = @RunKey
group by kind, state, coalesce(outcome, '');
