insert into crawl_run (source_code, started_at) values (@SourceCode, @StartedAt) returning run_key;
