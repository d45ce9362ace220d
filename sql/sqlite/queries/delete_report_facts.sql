delete from fact_application where report_key = @ReportKey;
delete from fact_active_disclosure where report_key = @ReportKey;
delete from fact_review_litigation where report_key = @ReportKey;
delete from report_finding where report_key = @ReportKey;
