-- Every 整改 item, newest last, for the register's refresh to keep in step with the problems.
select item_key as ItemKey, entity_key as EntityKey, year as Year, problem_key as ProblemKey, kind as Kind,
    report_key as ReportKey, state as State, opened_at as OpenedAt, closed_report_key as ClosedReportKey
from dbo.rectification_item
order by item_key;
