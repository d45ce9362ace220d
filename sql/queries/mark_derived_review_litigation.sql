-- A number of table 四 recovered by a consistency rule, not read from the document.
update dbo.fact_review_litigation set is_derived = 1
where report_key = @ReportKey and proceeding_code = @ProceedingCode and outcome_code = @OutcomeCode;
