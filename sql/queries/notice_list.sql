-- The 通报 list of a year (v_notice): the problems of the agencies on the roster, in the 通报's order
-- (region, the agency's most severe problem, agency, severity), within a region and the regions under it.
select notice_order as NoticeOrder, entity_key as EntityKey, year as Year, agency as Agency, region_code as RegionCode, region as Region,
    kind as Kind, kind_label as KindLabel, severity as Severity, detail as Detail, source_url as SourceUrl, {{sqlite:filing_date}}{{sqlserver:convert(nvarchar(10), filing_date, 23)}} as FilingDate,
    days_late as DaysLate, item_key as ItemKey, item_state as ItemState, item_state_label as ItemStateLabel
from dbo.v_notice
where year = @Year and (@Region is null or region_code like {{concat(@Region, N'%')}})
order by notice_order;
