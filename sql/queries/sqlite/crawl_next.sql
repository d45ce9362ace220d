-- The URLs of a run still to fetch: list pages first (they find the rest), then articles,
-- then documents, each in the order found.
select url_key, url, kind, title, found_on, list_date, etag, last_modified, sha256
from crawl_url
where source_code = @SourceCode and run_key = @RunKey and state = 'pending'
order by case kind when 'list' then 0 when 'article' then 1 else 2 end, url_key
limit @Limit;
