insert into dbo.fact_review_litigation (report_key, proceeding_code, outcome_code, count, is_derived)
values (@ReportKey, @ProceedingCode, @OutcomeCode, @Count, @IsDerived);
