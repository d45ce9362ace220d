-- v_filing_status: one row per agency and year it is expected to report (rule 6): a year it
-- reported, the year after one it reported (up to the latest year loaded), and a year a document
-- was received for that could not be read. status is on_time (by 31 January), late, undated (no
-- date at all), unreadable (no report, but a rejected document whose file name or portal title
-- names the agency and year: a scan without a text layer, say), crawl_failed (no report, and the
-- last crawl of a source the agency's documents came from failed: nobody can tell it is missing)
-- or missing, judged by filing_date: the day the portal published the report when known, else the
-- date it is signed (落款), with published_source and its label saying which; status_label says
-- the status in Chinese; findings lists the report's errors and warning_findings its warnings, in the
-- order they were found, each by its Chinese sentence (a message's text up to its first 。: the
-- validator writes Chinese first, English after); source_url is where the report came from.
--
-- grain: agency_code, year (one row per agency and year it is expected to report)
-- columns (kind: key, attribute, count or rate; unit or meaning):
--   agency_code            key        agency, the same in every year and version
--   year                   attribute  the year reported on
--   agency                 attribute  the agency's name
--   agency_type            attribute  政府办公室, 人民政府, 乡镇街道 or 政府部门 (v_agency)
--   region_code            key        dim_region, the region of the report's agency
--   region                 attribute  the region's name
--   region_level           attribute  county, city or province
--   province_code          key        dim_region, the province
--   city_code              key        dim_region, the city (null for a province, and a county under no city)
--   report_key             key        fact_report
--   published              attribute  date the report is signed (落款), yyyy-mm-dd; null when it states none
--   portal_published       attribute  date the portal published it (PubDate meta, 发布时间 byline or list page), yyyy-mm-dd; null when not crawled or not said
--   filing_date            attribute  the date status is judged by: portal_published when known, else published; yyyy-mm-dd; null when undated
--   published_source       attribute  which date filing_date is: portal or signed; null when undated or missing
--   published_source_label attribute  published_source in Chinese: 门户网站 or 落款日期
--   error_count            count      findings of severity error
--   warning_count          count      findings of severity warning
--   source_url             attribute  the URL the document was crawled from, or the file it was loaded from
--   status                 attribute  on_time, late, undated, unreadable, crawl_failed or missing
--   status_label           attribute  status in Chinese: 按时发布, 逾期发布, 未注明日期, 无法核实（无法读取）, 无法核实（抓取失败）, 未发布
--   findings               attribute  the errors' Chinese sentences, in order; null when none
--   warning_findings       attribute  the warnings' Chinese sentences, in order; null when none
create or alter view dbo.v_filing_status as
with expected as (
    select agency_code, year from dbo.fact_report where is_current = 1
    union
    select agency_code, year + 1 from dbo.fact_report
    where is_current = 1 and year + 1 <= (select max(year) from dbo.fact_report where is_current = 1)
    union
    select agency_code, year from dbo.ingest_rejection where agency_code is not null and year is not null
),
unreadable as (
    select distinct agency_code, year from dbo.ingest_rejection where agency_code is not null and year is not null
),
crawl_failed as (
    select distinct r.agency_code
    from dbo.fact_report r
    join dbo.raw_document d on d.sha256 = r.sha256
    join dbo.dim_source s on s.source_key = d.source_key
    join dbo.crawl_run c on c.source_code = s.source_code
    where c.failure is not null
      and c.run_key = (select max(x.run_key) from dbo.crawl_run x where x.source_code = c.source_code and x.finished_at is not null)
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
        r.portal_published,
        coalesce(r.portal_published, r.published) as filing_date,
        r.published_source,
        r.error_count,
        r.warning_count,
        d.origin as source_url,
        case
            when r.report_key is null and u.agency_code is not null then 'unreadable'
            when r.report_key is null and cf.agency_code is not null then 'crawl_failed'
            when r.report_key is null then 'missing'
            when r.portal_published is null and r.published is null then 'undated'
            when r.late = 1 then 'late'
            else 'on_time'
        end as status
    from expected e
    join dbo.v_agency a on a.agency_code = e.agency_code and a.is_current = 1
    left join dbo.fact_report r on r.agency_code = e.agency_code and r.year = e.year and r.is_current = 1
    left join dbo.raw_document d on d.sha256 = r.sha256
    left join unreadable u on u.agency_code = e.agency_code and u.year = e.year
    left join crawl_failed cf on cf.agency_code = e.agency_code
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
    f.portal_published,
    f.filing_date,
    f.published_source,
    case f.published_source when 'portal' then N'门户网站' when 'signed' then N'落款日期' end as published_source_label,
    f.error_count,
    f.warning_count,
    f.source_url,
    f.status,
    case f.status
        when 'on_time' then N'按时发布'
        when 'late' then N'逾期发布'
        when 'undated' then N'未注明日期'
        when 'unreadable' then N'无法核实（无法读取）'
        when 'crawl_failed' then N'无法核实（抓取失败）'
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
