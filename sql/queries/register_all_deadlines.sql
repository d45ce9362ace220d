-- Every deadline recorded (roster_deadline), by region and report year.
select region_code as RegionCode, year as Year, {{sqlite:deadline}}{{sqlserver:convert(nvarchar(10), deadline, 23)}} as Deadline from dbo.roster_deadline;
