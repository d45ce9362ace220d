insert into dbo.rectification_item (entity_key, year, problem_key, kind, severity, detail, report_key, state, opened_at)
{{sqlserver:output inserted.item_key
}}values (@EntityKey, @Year, @ProblemKey, @Kind, @Severity, @Detail, @ReportKey, 'pending', @At){{sqlite:
returning item_key}};
