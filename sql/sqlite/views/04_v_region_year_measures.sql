-- v_region_year_measures: one row per region (at each level: county, city, province) and
-- year, summing the current reports of the agencies under it; the rates are computed from
-- the sums, null when the denominator is zero; on_time_rate from v_filing_status.
drop view if exists v_region_year_measures;
create view v_region_year_measures as
with placed as (
    select m.*, 'county' as level, m.region_code as rollup_code from v_report_measures m where m.region_level = 'county'
    union all
    select m.*, 'city', m.city_code from v_report_measures m where m.city_code is not null
    union all
    select m.*, 'province', m.province_code from v_report_measures m where m.province_code is not null
),
filing as (
    select
        s.year,
        g.province_code,
        g.city_code,
        g.region_code,
        g.level,
        case when s.status = 'on_time' then 1 else 0 end as on_time
    from v_filing_status s
    join dim_region g on g.region_code = s.region_code
),
filing_rollup as (
    select year, region_code as rollup_code, sum(on_time) as on_time, count(*) as expected from filing where level = 'county' group by year, region_code
    union all
    select year, city_code, sum(on_time), count(*) from filing where city_code is not null group by year, city_code
    union all
    select year, province_code, sum(on_time), count(*) from filing where province_code is not null group by year, province_code
)
select
    p.level,
    p.rollup_code as region_code,
    g.name as region,
    p.year,
    count(*) as reports,
    sum(p.items_published) as items_published,
    sum(p.normative_issued) as normative_issued,
    sum(p.licensing) as licensing,
    sum(p.penalty) as penalty,
    sum(p.applications_handled) as applications_handled,
    sum(p.decided) as decided,
    1.0 * sum(p.granted + p.partially_granted) / nullif(sum(p.decided), 0) as disclosure_rate,
    1.0 * sum(p.denied) / nullif(sum(p.decided), 0) as denied_rate,
    1.0 * sum(p.carried_forward) / nullif(sum(p.applications_handled), 0) as carry_over_rate,
    1.0 * (sum(p.review_total) + sum(p.litigation_total)) / nullif(sum(p.new_received), 0) as dispute_rate,
    1.0 * max(f.on_time) / nullif(max(f.expected), 0) as on_time_rate,
    case when sum(p.applications_handled) >= 30 then 1 else 0 end as rankable
from placed p
join dim_region g on g.region_code = p.rollup_code
left join filing_rollup f on f.rollup_code = p.rollup_code and f.year = p.year
group by p.level, p.rollup_code, g.name, p.year;
