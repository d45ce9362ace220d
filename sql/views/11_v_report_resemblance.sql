-- v_report_resemblance: one row per current report and kind of 雷同 it shows (report_resemblance,
-- recomputed after every load): prose mostly its agency's earlier report (照搬往年), prose mostly
-- another agency's report of the same region and year (同地区雷同), or table 三 equal cell for cell
-- to its agency's report of the year before (表三照搬). The other report is named beside it.
--
-- grain: report_key, kind
-- columns (kind: key, attribute, count or rate; unit or meaning):
--   report_key            key        fact_report
--   year                  attribute  the year reported on
--   agency_code           key        agency, the same in every year and version
--   agency                attribute  the agency's name
--   agency_type           attribute  政府办公室, 人民政府, 乡镇街道 or 政府部门 (v_agency)
--   region_code           key        dim_region, the region of the report's agency
--   region                attribute  the region's name
--   region_level          attribute  county, city or province
--   province_code         key        dim_region, the province
--   city_code             key        dim_region, the city (null for a province, and a county under no city)
--   kind                  attribute  earlier_year, same_region_year or table_last_year
--   kind_label            attribute  kind in Chinese: 照搬往年, 同地区雷同 or 表三照搬
--   share_identical       rate       share of the report's prose (runs of 5 characters) found in the other report, 0-1; 1 for a table
--   resembles_report_key  key        fact_report, the report it resembles
--   resembles_agency      attribute  that report's agency
--   resembles_year        attribute  that report's year
--   source_url            attribute  the URL the document was crawled from, or the file it was loaded from
--   resembles_source_url  attribute  the same for the report it resembles
create or alter view dbo.v_report_resemblance as
select
    r.report_key,
    r.year,
    r.agency_code,
    r.agency,
    r.agency_type,
    r.region_code,
    r.region,
    r.region_level,
    r.province_code,
    r.city_code,
    s.kind,
    case s.kind
        when 'earlier_year' then N'照搬往年'
        when 'same_region_year' then N'同地区雷同'
        else N'表三照搬'
    end as kind_label,
    s.shared_share as share_identical,
    s.resembles_report_key,
    oa.name as resembles_agency,
    o.year as resembles_year,
    r.source_url,
    od.origin as resembles_source_url
from dbo.report_resemblance s
join dbo.v_report_current r on r.report_key = s.report_key
join dbo.fact_report o on o.report_key = s.resembles_report_key
join dbo.v_agency oa on oa.agency_key = o.agency_key
left join dbo.raw_document od on od.sha256 = o.sha256;
