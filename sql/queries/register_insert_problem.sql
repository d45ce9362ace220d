insert into dbo.register_problem (entity_key, year, problem_key, kind, severity, detail, report_key)
values (@EntityKey, @Year, @ProblemKey, @Kind, @Severity, @Detail, @ReportKey);
