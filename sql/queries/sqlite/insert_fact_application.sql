-- One report's table 三 in one statement. @Counts: JSON array of the cells row by row, seven
-- per row (the seven applicant columns, applicant_key 1-7; null where a cell was lost);
-- @Categories: JSON array of the category_key of each of those rows, in the same order.
insert into fact_application (report_key, category_key, applicant_key, count, is_derived)
select @ReportKey, @Categories ->> (j.key / 7), (j.key % 7) + 1, j.value, 0
from json_each(@Counts) as j;
