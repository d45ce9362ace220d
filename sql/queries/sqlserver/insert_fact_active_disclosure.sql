-- One report's table 二 in one statement. @Items, @Measures and @Values: parallel JSON arrays,
-- one entry per measure (item_key, measure_code, value).
insert into dbo.fact_active_disclosure (report_key, item_key, measure_code, value)
select
    @ReportKey,
    cast(json_value(@Items, concat('$[', j.[key], ']')) as int),
    json_value(@Measures, concat('$[', j.[key], ']')),
    cast(j.[value] as decimal(18, 2))
from openjson(@Values) as j;
