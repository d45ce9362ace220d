-- One report's table 四 in one statement. @Counts: JSON array of its 15 numbers as printed
-- (3 proceedings × 5 outcomes); @Proceedings and @Outcomes: JSON arrays of their codes in that order.
insert into fact_review_litigation (report_key, proceeding_code, outcome_code, count, is_derived)
select @ReportKey, @Proceedings ->> (j.key / 5), @Outcomes ->> (j.key % 5), j.value, 0
from json_each(@Counts) as j;
