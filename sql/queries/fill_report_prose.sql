-- The prose of a report loaded before report_prose existed (a reparse fills it in; a report that has it keeps it).
insert into dbo.report_prose (report_key, prose)
select @ReportKey, @Prose
where not exists (select 1 from dbo.report_prose where report_key = @ReportKey);
