-- The findings of one report: errors first, then warnings, each in the order found.
select rule_code, severity, row_code, column_code, expected, actual, message
from dbo.report_finding
where report_key = @ReportKey
order by case severity when 'error' then 0 else 1 end, finding_key;
