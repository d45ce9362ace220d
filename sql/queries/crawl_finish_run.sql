-- Closes a crawl run; failure says why it failed (null: it did not).
update dbo.crawl_run set finished_at = @FinishedAt, failure = @Failure where run_key = @RunKey;
