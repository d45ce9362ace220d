-- Current reports that are late, undated (neither the portal nor the report dates it) or have
-- findings, for supervisors (late as the portal's date says when known, else the signed one):
-- most errors first, each with its region's name and the document it was read from (the URL it
-- was crawled from, or the file it was loaded from); total counts them all, before @Limit.
select {{sqlserver:top (@Limit) }}r.report_key, r.year, a.name as agency, r.region_code, g.name as region, r.published, r.late,
       r.portal_published, r.published_source,
       r.error_count, r.warning_count, d.origin as source, count(*) over () as total
from dbo.fact_report r
join dbo.dim_agency a on a.agency_key = r.agency_key
left join dbo.dim_region g on g.region_code = r.region_code
left join dbo.raw_document d on d.sha256 = r.sha256
where r.is_current = 1
  and (r.late = 1 or r.published_source is null or r.error_count > 0 or r.warning_count > 0)
  and (@Year is null or r.year = @Year)
  and (@Region is null or r.region_code like {{concat(@Region, N'%')}})
order by r.error_count desc, r.late desc, r.warning_count desc, r.year desc, a.name{{sqlite:
limit @Limit}};
