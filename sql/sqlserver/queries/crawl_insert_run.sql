insert into dbo.crawl_run (source_code, started_at) output inserted.run_key values (@SourceCode, @StartedAt);
