-- With a roster: the agencies on it with no report for the year (v_register: 未发布, or 无法核实 when a
-- document came that could not be read or the portal's last crawl failed), with the years missing
-- in a row, their latest earlier report (year and where it came from; null when none ever came);
-- total counts them all, before @Limit.
select {{sqlserver:top (@Limit) }}e.agency as Agency, e.region_code as RegionCode, e.region as Region,
       coalesce((select max(p.year) from dbo.register_entry p where p.entity_key = e.entity_key and p.year < e.year and p.report_key is not null), 0) as LastYear,
       (select d.origin from dbo.register_entry p
        join dbo.fact_report r on r.report_key = p.report_key
        join dbo.raw_document d on d.sha256 = r.sha256
        where p.entity_key = e.entity_key
          and p.year = (select max(q.year) from dbo.register_entry q where q.entity_key = e.entity_key and q.year < e.year and q.report_key is not null)) as LastSource,
       e.status as Status, e.status_label as StatusLabel, e.missing_run as MissingRun,
       count(*) over () as Total
from dbo.v_register e
where e.year = @Year
  and e.status in ('missing', 'unreadable', 'crawl_failed')
  and (@Region is null or e.region_code like {{concat(@Region, N'%')}})
order by e.region_code, e.missing_run desc, e.agency{{sqlite:
limit @Limit}};
