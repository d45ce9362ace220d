insert into dbo.load_batch (command, started_at) {{sqlserver:output inserted.batch_key }}values (@Command, @StartedAt){{sqlite: returning batch_key}};
