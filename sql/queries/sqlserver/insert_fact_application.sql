-- One report's table 三 in one statement. @Counts: JSON array of the cells row by row, seven
-- per row (the seven applicant columns, applicant_key 1-7; null where a cell was lost);
-- @Categories: JSON array of the category_key of each of those rows, in the same order.
insert into dbo.fact_application (report_key, category_key, applicant_key, count, is_derived)
select
    @ReportKey,
    cast(json_value(@Categories, concat('$[', cast(j.[key] as int) / 7, ']')) as int),
    cast(j.[key] as int) % 7 + 1,
    cast(j.[value] as int),
    0
from openjson(@Counts) as j;
