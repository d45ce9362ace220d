-- 雷同 among the current reports of a year (and region): each report, what it resembles (the other
-- report's agency and year) and how much; total counts them all, before @Limit.
select {{sqlserver:top (@Limit) }}r.report_key, r.year, a.name as agency, r.region_code, g.name as region, s.kind,
       s.shared_share, oa.name as resembles_agency, o.year as resembles_year, d.origin as source, count(*) over () as total
from dbo.report_resemblance s
join dbo.fact_report r on r.report_key = s.report_key
join dbo.dim_agency a on a.agency_key = r.agency_key
join dbo.fact_report o on o.report_key = s.resembles_report_key
join dbo.dim_agency oa on oa.agency_key = o.agency_key
left join dbo.dim_region g on g.region_code = r.region_code
left join dbo.raw_document d on d.sha256 = r.sha256
where (@Year is null or r.year = @Year)
  and (@Region is null or r.region_code like {{concat(@Region, N'%')}})
order by s.shared_share desc, r.region_code, a.name, s.kind{{sqlite:
limit @Limit}};
