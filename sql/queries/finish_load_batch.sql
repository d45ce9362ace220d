update dbo.load_batch set finished_at = @FinishedAt where batch_key = @BatchKey;
