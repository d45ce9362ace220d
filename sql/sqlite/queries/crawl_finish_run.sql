update crawl_run set finished_at = @FinishedAt where run_key = @RunKey;
