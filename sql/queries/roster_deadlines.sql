-- The deadlines recorded for a report year (31 January of the next year is the rule where none is).
select region_code as RegionCode, {{sqlite:deadline}}{{sqlserver:convert(nvarchar(10), deadline, 23)}} as Deadline, note as Note from dbo.roster_deadline where year = @Year order by region_code;
