-- One report's table 二 in one statement. @Items, @Measures and @Values: parallel JSON arrays,
-- one entry per measure (item_key, measure_code, value).
insert into fact_active_disclosure (report_key, item_key, measure_code, value)
select @ReportKey, @Items ->> j.key, @Measures ->> j.key, j.value
from json_each(@Values) as j;
