-- Rule 6: agencies that published a report for the year before but none for this year, with
-- last year's document (where it came from) and what v_filing_status says of the year: 未发布, or
-- 无法核实 when a document came that could not be read, or the agency's portal could not be crawled;
-- total counts them all, before @Limit.
select {{sqlserver:top (@Limit) }}a.name as agency, prev.region_code, g.name as region, prev.year as last_year, d.origin as last_source,
       coalesce(f.status, 'missing') as status, coalesce(f.status_label, N'未发布') as status_label,
       count(*) over () as total
from dbo.fact_report prev
join dbo.dim_agency a on a.agency_key = prev.agency_key
left join dbo.dim_region g on g.region_code = prev.region_code
left join dbo.raw_document d on d.sha256 = prev.sha256
left join dbo.v_filing_status f on f.agency_code = prev.agency_code and f.year = @Year
where prev.is_current = 1
  and prev.year = @Year - 1
  and (@Region is null or prev.region_code like {{concat(@Region, N'%')}})
  and not exists (select 1 from dbo.fact_report cur where cur.agency_code = prev.agency_code and cur.year = @Year and cur.is_current = 1)
order by prev.region_code, a.name{{sqlite:
limit @Limit}};
