-- Every document loaded as a report of one agency (@AgencyCode, the name folded), newest year
-- first and the current one first within a year, with where it came from, for the show command.
select r.report_key, r.year, a.name as agency, r.region_code, g.name as region, r.published, r.late,
       r.portal_published, r.published_source,
       r.is_current, r.layout, r.loaded_at, r.sha256, d.origin, d.portal_url, d.media_type, d.size_bytes
from dbo.fact_report r
join dbo.dim_agency a on a.agency_key = r.agency_key
left join dbo.dim_region g on g.region_code = r.region_code
join dbo.raw_document d on d.sha256 = r.sha256
where r.agency_code = @AgencyCode
order by r.year desc, r.is_current desc, r.loaded_at desc;
