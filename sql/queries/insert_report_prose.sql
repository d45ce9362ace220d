insert into dbo.report_prose (report_key, prose) values (@ReportKey, @Prose);
