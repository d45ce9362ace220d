-- The URLs of a run that failed or were refused, with why.
select url, kind, state, last_reason
from dbo.crawl_url
where source_code = @SourceCode and run_key = @RunKey and state in ('failed', 'refused')
order by url_key;
