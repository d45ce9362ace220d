insert into dbo.crawl_run (source_code, started_at) {{sqlserver:output inserted.run_key }}values (@SourceCode, @StartedAt){{sqlite: returning run_key}};
