-- Every report loaded for an agency of the register, the superseded ones included: the reports of
-- the agency codes of any report the register or a 整改 item ever tied to it.
select r.report_key as ReportKey, r.year as Year, a.name as Agency, r.is_current as IsCurrent, {{sqlite:r.published}}{{sqlserver:convert(nvarchar(10), r.published, 23)}} as Published,
    {{sqlite:r.loaded_at}}{{sqlserver:convert(nvarchar(19), r.loaded_at, 120)}} as LoadedAt, r.superseded_by as SupersededBy, d.origin as SourceUrl
from dbo.fact_report r
join dbo.dim_agency a on a.agency_key = r.agency_key
left join dbo.raw_document d on d.sha256 = r.sha256
where a.agency_code in (
    select a2.agency_code
    from dbo.fact_report r2
    join dbo.dim_agency a2 on a2.agency_key = r2.agency_key
    where r2.report_key in (select e.report_key from dbo.register_entry e where e.entity_key = @EntityKey)
        or r2.report_key in (select i.report_key from dbo.rectification_item i where i.entity_key = @EntityKey)
        or r2.report_key in (select i.closed_report_key from dbo.rectification_item i where i.entity_key = @EntityKey)
)
order by r.year, r.loaded_at, r.report_key;
