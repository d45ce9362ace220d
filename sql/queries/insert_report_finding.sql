insert into dbo.report_finding (report_key, rule_code, severity, row_code, column_code, expected, actual, message)
values (@ReportKey, @Rule, @Severity, @RowCode, @ColumnCode, @Expected, @Actual, @Message);
