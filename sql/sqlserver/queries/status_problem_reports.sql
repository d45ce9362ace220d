-- Current reports that are late or do not add up, for supervisors: most errors first.
select top (@Limit) r.year, a.name as agency, r.region_code, r.published, r.late, r.error_count, r.warning_count
from dbo.fact_report r
join dbo.dim_agency a on a.agency_key = r.agency_key
where r.is_current = 1
  and (r.late = 1 or r.error_count > 0)
  and (@Year is null or r.year = @Year)
  and (@Region is null or r.region_code like @Region + N'%')
order by r.error_count desc, r.late desc, r.year desc, a.name;
