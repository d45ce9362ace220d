select sha256, origin, region_hint, portal_url, portal_title, portal_published, http_last_modified from dbo.raw_document
where @Since is null or first_seen_at >= @Since
order by first_seen_at, sha256;
