-- The article page an attachment was found on, as the frontier knows it: the title of the link
-- that led to it and the hash of its page in the raw store (null until it is fetched).
select title, sha256 from dbo.crawl_url
where source_code = @SourceCode and url = @Url and kind = 'article';
