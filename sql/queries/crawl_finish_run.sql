-- Closes a crawl run; failure says why it failed and warnings what it warns about, one line each (null: none).
update dbo.crawl_run set finished_at = @FinishedAt, failure = @Failure, warnings = @Warnings where run_key = @RunKey;
