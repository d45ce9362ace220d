-- The agencies of a year and region (or all) that published late (with the date) or not at
-- all, for the digest's lists: late first, then missing, by region and agency. The date is the one
-- lateness was judged by (the portal's when known, else the signed one).
select status, agency, region, filing_date as published
from dbo.v_filing_status
where year = @Year and status in ('late', 'missing')
  and (@Region is null or province_code = @Region or city_code = @Region or region_code = @Region)
order by case status when 'late' then 0 else 1 end, region_code, agency;
