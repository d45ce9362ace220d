-- The digest's figures from the register (报送台账) for a year and a region (or all), over the
-- roster (应报名单): the agencies expected (on the roster), received (a report matched), on time,
-- late, undated, missing, unverifiable (unreadable or not fetched) and not yet due; 雷同 (reports
-- with a resemblance problem) and open 整改 items (not closed). expected is 0 when no roster covers
-- the year and region: the digest then says so rather than showing zeros.
select
    count(*) as expected,
    sum(case when r.report_key is not null then 1 else 0 end) as received,
    sum(case when r.status = 'on_time' then 1 else 0 end) as on_time,
    sum(case when r.status = 'late' then 1 else 0 end) as late,
    sum(case when r.status = 'undated' then 1 else 0 end) as undated,
    sum(case when r.status = 'missing' then 1 else 0 end) as missing,
    sum(case when r.status in ('unreadable', 'crawl_failed') then 1 else 0 end) as unverifiable,
    sum(case when r.status = 'not_due' then 1 else 0 end) as not_due,
    sum(case when r.report_key is not null and exists (
            select 1 from dbo.register_problem p where p.entity_key = r.entity_key and p.year = r.year and p.kind = 'resemblance')
        then 1 else 0 end) as resemblance,
    sum(r.open_items) as open_items
from dbo.v_register r
where r.year = @Year
  and (@Region is null or r.province_code = @Region or r.city_code = @Region or r.region_code = @Region);
