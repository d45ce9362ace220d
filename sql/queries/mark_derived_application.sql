-- A cell of table 三 recovered by a consistency rule, not read from the document.
update dbo.fact_application set is_derived = 1
where report_key = @ReportKey and category_key = @CategoryKey and applicant_key = @ApplicantKey;
