update dbo.fact_report set is_current = 0 where report_key = @ReportKey;
