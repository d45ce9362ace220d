-- The article page an attachment was found on, as the frontier knows it: the title of the link
-- that led to it, the date its list printed beside it (yyyy-mm-dd), and the hash of its page in
-- the raw store (null until it is fetched).
select title, {{sqlite:list_date}}{{sqlserver:convert(char(10), list_date, 23)}} as list_date, sha256 from dbo.crawl_url
where source_code = @SourceCode and url = @Url and kind = 'article';
