update dbo.fact_report set superseded_by = @NewReportKey where report_key = @OldReportKey;
