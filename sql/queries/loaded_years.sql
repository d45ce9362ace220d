-- The years that hold current reports: how many in all, and how many match the filters (a region
-- and what lies below it, an agency type), so that a filter with no data can say where data is.
select r.year, count(*) as reports,
       sum(case when (@Region is null or r.region_code like {{concat(@Region, N'%')}}) and (@AgencyType is null or a.agency_type = @AgencyType) then 1 else 0 end) as matching
from dbo.fact_report r
join dbo.v_agency a on a.agency_key = r.agency_key
where r.is_current = 1
group by r.year
order by r.year;
