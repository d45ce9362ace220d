-- An agency's register, every year it was on the roster (v_register), oldest first.
select year as Year, agency as Agency, region_code as RegionCode, region as Region, report_key as ReportKey, reported_as as ReportedAs,
    {{sqlite:deadline}}{{sqlserver:convert(nvarchar(10), deadline, 23)}} as Deadline, {{sqlite:filing_date}}{{sqlserver:convert(nvarchar(10), filing_date, 23)}} as FilingDate, status_label as StatusLabel, days_late as DaysLate, missing_run as MissingRun
from dbo.v_register
where entity_key = @EntityKey
order by year;
