-- Rule 6: agencies that published a report for the year before but none for this year.
select a.name as agency, prev.region_code, prev.year as last_year
from fact_report prev
join dim_agency a on a.agency_key = prev.agency_key
where prev.is_current = 1
  and prev.year = @Year - 1
  and (@Region is null or prev.region_code like @Region || '%')
  and not exists (select 1 from fact_report cur where cur.agency_code = prev.agency_code and cur.year = @Year and cur.is_current = 1)
order by prev.region_code, a.name
limit @Limit;
