-- The findings of every current report that the register counts as problems: arithmetic errors,
-- missing sections or tables, prose against table.
select f.finding_key as FindingKey, f.report_key as ReportKey, f.rule_code as RuleCode, f.severity as Severity,
    f.row_code as RowCode, f.column_code as ColumnCode, f.message as Message
from dbo.report_finding f
join dbo.fact_report r on r.report_key = f.report_key and r.is_current = 1
where (f.severity = 'error' and f.rule_code in ('balance', 'total_column', 'total_row', 'review_total'))
   or f.rule_code in ('completeness', 'prose_table')
order by f.report_key, f.finding_key;
