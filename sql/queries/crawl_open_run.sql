-- The run of a source that a kill interrupted, to be resumed; none when the last one finished.
select {{sqlserver:top (1) }}run_key from dbo.crawl_run where source_code = @SourceCode and finished_at is null order by run_key desc{{sqlite: limit 1}};
