-- v_filing_status: one row per agency and year it is expected to report (rule 6): a year it
-- reported, and the year after one it reported (up to the latest year loaded). status is
-- on_time (by 31 January), late, undated (no closing date) or missing; status_label says it
-- in Chinese; findings lists the report's errors and warning_findings its warnings, in the
-- order they were found, each by its Chinese sentence (a message's text up to its first 。: the
-- validator writes Chinese first, English after); source_url is where the report came from.
create or alter view dbo.v_filing_status as
with expected as (
    select agency_code, year from dbo.fact_report where is_current = 1
    union
    select agency_code, year + 1 from dbo.fact_report
    where is_current = 1 and year + 1 <= (select max(year) from dbo.fact_report where is_current = 1)
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
    join dbo.v_agency a on a.agency_code = e.agency_code and a.is_current = 1
    left join dbo.fact_report r on r.agency_code = e.agency_code and r.year = e.year and r.is_current = 1
    left join dbo.raw_document d on d.sha256 = r.sha256
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
        when 'on_time' then N'按时发布'
        when 'late' then N'逾期发布'
        when 'undated' then N'未注明日期'
        else N'未发布'
    end as status_label,
    (
        {{sqlite:select group_concat(x.message, '')
        from (select case when instr(message, '。') > 0 then substr(message, 1, instr(message, '。')) else message end as message from dbo.report_finding where report_key = f.report_key and severity = 'error' order by finding_key) x}}{{sqlserver:select string_agg(case when charindex(N'。', x.message) > 0 then left(x.message, charindex(N'。', x.message)) else x.message end, N'') within group (order by x.finding_key)
        from dbo.report_finding x
        where x.report_key = f.report_key and x.severity = 'error'}}
    ) as findings,
    (
        {{sqlite:select group_concat(x.message, '')
        from (select case when instr(message, '。') > 0 then substr(message, 1, instr(message, '。')) else message end as message from dbo.report_finding where report_key = f.report_key and severity = 'warning' order by finding_key) x}}{{sqlserver:select string_agg(case when charindex(N'。', x.message) > 0 then left(x.message, charindex(N'。', x.message)) else x.message end, N'') within group (order by x.finding_key)
        from dbo.report_finding x
        where x.report_key = f.report_key and x.severity = 'warning'}}
    ) as warning_findings
from filed f
left join dbo.dim_region g on g.region_code = f.region_code;
