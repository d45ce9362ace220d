-- One report's table 四 in one statement. @Counts: JSON array of its 15 numbers as printed
-- (3 proceedings × 5 outcomes); @Proceedings and @Outcomes: JSON arrays of their codes in that order.
insert into dbo.fact_review_litigation (report_key, proceeding_code, outcome_code, count, is_derived)
select
    @ReportKey,
    json_value(@Proceedings, concat('$[', cast(j.[key] as int) / 5, ']')),
    json_value(@Outcomes, concat('$[', cast(j.[key] as int) % 5, ']')),
    cast(j.[value] as int),
    0
from openjson(@Counts) as j;
