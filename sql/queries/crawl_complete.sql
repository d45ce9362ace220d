-- What fetching a URL came to in its run: done, failed or refused, with why.
update dbo.crawl_url set
    state = @State,
    attempts = attempts + @Attempts,
    last_status = @LastStatus,
    last_reason = @LastReason,
    etag = case when @State = 'done' then coalesce(@ETag, etag) else etag end,
    last_modified = case when @State = 'done' then coalesce(@LastModified, last_modified) else last_modified end,
    sha256 = coalesce(@Sha256, sha256),
    outcome = @Outcome,
    fetched_at = @FetchedAt
where url_key = @UrlKey;
