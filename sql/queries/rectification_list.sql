-- 整改 items as the 整改台账 lists them (v_rectification): of a year or every year, of a region and
-- the regions under it, or of one agency; by year, region, agency and severity.
select item_key as ItemKey, entity_key as EntityKey, year as Year, agency as Agency, region_code as RegionCode, region as Region,
    kind as Kind, kind_label as KindLabel, severity as Severity, detail as Detail, state as State, state_label as StateLabel,
    {{sqlite:opened_on}}{{sqlserver:convert(nvarchar(10), opened_on, 23)}} as OpenedOn, {{sqlite:notified_on}}{{sqlserver:convert(nvarchar(10), notified_on, 23)}} as NotifiedOn, notice_ref as NoticeRef, {{sqlite:started_on}}{{sqlserver:convert(nvarchar(10), started_on, 23)}} as StartedOn, {{sqlite:closed_on}}{{sqlserver:convert(nvarchar(10), closed_on, 23)}} as ClosedOn,
    closed_how as ClosedHow, closed_how_label as ClosedHowLabel, closed_note as ClosedNote, source_url as SourceUrl, closed_source_url as ClosedSourceUrl
from dbo.v_rectification
where (@Year is null or year = @Year)
    and (@Region is null or region_code like {{concat(@Region, N'%')}})
    and (@EntityKey is null or entity_key = @EntityKey)
order by year, case when region_code is null then 1 else 0 end, region_code, agency, severity, item_key;
