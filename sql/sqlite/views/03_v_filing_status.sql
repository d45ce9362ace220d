-- v_filing_status: one row per agency and year it is expected to report (rule 6): a year it
-- reported, and the year after one it reported (up to the latest year loaded). status is
-- on_time (by 31 January), late, undated (no closing date) or missing; status_label says it
-- in Chinese; findings lists the report's errors and warning_findings its warnings, in the
-- order they were found, each by its Chinese sentence (a message's text up to its first 。: the
-- validator writes Chinese first, English after); source_url is where the report came from.
drop view if exists v_filing_status;
create view v_filing_status as
with expected as (
    select agency_code, year from fact_report where is_current = 1
    union
    select agency_code, year + 1 from fact_report
    where is_current = 1 and year + 1 <= (select max(year) from fact_report where is_current = 1)
),
filed as (
    select
        e.agency_code,
        e.year,
        a.name as agency,
        a.agency_type,
        coalesce(r.region_code, a.region_code) as region_code,
        r.report_key,
        r.published,
        r.error_count,
        r.warning_count,
        d.origin as source_url,
        case
            when r.report_key is null then 'missing'
            when r.published is null then 'undated'
            when r.late = 1 then 'late'
            else 'on_time'
        end as status
    from expected e
    join v_agency a on a.agency_code = e.agency_code and a.is_current = 1
    left join fact_report r on r.agency_code = e.agency_code and r.year = e.year and r.is_current = 1
    left join raw_document d on d.sha256 = r.sha256
)
select
    f.agency_code,
    f.year,
    f.agency,
    f.agency_type,
    f.region_code,
    g.name as region,
    g.level as region_level,
    g.province_code,
    g.city_code,
    f.report_key,
    f.published,
    f.error_count,
    f.warning_count,
    f.source_url,
    f.status,
    case f.status
        when 'on_time' then '按时发布'
        when 'late' then '逾期发布'
        when 'undated' then '未注明日期'
        else '未发布'
    end as status_label,
    (
        select group_concat(x.message, '')
        from (select case when instr(message, '。') > 0 then substr(message, 1, instr(message, '。')) else message end as message from report_finding where report_key = f.report_key and severity = 'error' order by finding_key) x
    ) as findings,
    (
        select group_concat(x.message, '')
        from (select case when instr(message, '。') > 0 then substr(message, 1, instr(message, '。')) else message end as message from report_finding where report_key = f.report_key and severity = 'warning' order by finding_key) x
    ) as warning_findings
from filed f
left join dim_region g on g.region_code = f.region_code;
