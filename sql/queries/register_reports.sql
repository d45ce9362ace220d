-- Every current report, for the register: who, which year, and the dates its status is judged by.
select r.report_key as ReportKey, r.agency_code as AgencyCode, a.name as Agency, r.region_code as RegionCode, r.year as Year,
    {{sqlite:r.published}}{{sqlserver:convert(nvarchar(10), r.published, 23)}} as Published, {{sqlite:r.portal_published}}{{sqlserver:convert(nvarchar(10), r.portal_published, 23)}} as PortalPublished, r.published_source as PublishedSource, d.origin as SourceUrl, r.loaded_at as LoadedAt
from dbo.fact_report r
join dbo.dim_agency a on a.agency_key = r.agency_key
left join dbo.raw_document d on d.sha256 = r.sha256
where r.is_current = 1
order by r.year, r.agency_code;
