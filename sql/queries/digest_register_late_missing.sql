-- The agencies on the roster (应报名单) of a year and region (or all) that published late (with the
-- date) or not at all by the deadline, from the register (报送台账), for the digest's lists when a
-- roster is imported: late first, then missing, by region and agency. Unlike digest_late_missing
-- (rule 6), it names agencies that never published.
select status, agency, region, filing_date as published
from dbo.v_register
where year = @Year and status in ('late', 'missing')
  and (@Region is null or province_code = @Region or city_code = @Region or region_code = @Region)
order by case status when 'late' then 0 else 1 end, region_code, agency;
