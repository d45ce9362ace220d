update fact_report set superseded_by = null where superseded_by = @ReportKey;
delete from fact_application where report_key = @ReportKey;
delete from fact_active_disclosure where report_key = @ReportKey;
delete from fact_review_litigation where report_key = @ReportKey;
delete from report_finding where report_key = @ReportKey;
delete from fact_report where report_key = @ReportKey;
