update dbo.fact_report set superseded_by = null where superseded_by = @ReportKey;
delete from dbo.fact_application where report_key = @ReportKey;
delete from dbo.fact_active_disclosure where report_key = @ReportKey;
delete from dbo.fact_review_litigation where report_key = @ReportKey;
delete from dbo.report_finding where report_key = @ReportKey;
delete from dbo.report_prose where report_key = @ReportKey;
delete from dbo.report_resemblance where report_key = @ReportKey or resembles_report_key = @ReportKey;
delete from dbo.fact_report where report_key = @ReportKey;
