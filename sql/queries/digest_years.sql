-- The report years the warehouse holds reports for, in a region (or all), oldest first: what a
-- digest for a year or region without reports names instead.
select distinct year
from dbo.v_report_current
where (@Region is null or province_code = @Region or city_code = @Region or region_code = @Region)
order by year;
