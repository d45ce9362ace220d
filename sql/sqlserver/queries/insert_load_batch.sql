insert into dbo.load_batch (command, started_at) output inserted.batch_key values (@Command, @StartedAt);
