-- The URLs of a run still to fetch: list pages first (they find the rest), then articles,
-- then documents, each in the order found.
select top (@Limit) url_key, url, kind, title, found_on, convert(char(10), list_date, 23) as list_date, etag, convert(nvarchar(40), last_modified, 127) as last_modified, sha256
from dbo.crawl_url
where source_code = @SourceCode and run_key = @RunKey and state = 'pending'
order by case kind when 'list' then 0 when 'article' then 1 else 2 end, url_key;
