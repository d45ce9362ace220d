-- v_agency: one row per version of an agency (as dim_agency), with the kind of body it is,
-- read from the ending of its name, for the dashboards' agency-type filter.
--
-- grain: agency_key (one row per version of an agency)
-- columns (kind: key, attribute, count or rate; unit or meaning):
--   agency_key   key        dim_agency (one version of an agency)
--   agency_code  key        agency, the same in every year and version
--   name         attribute  the agency's name
--   region_code  key        dim_region, the region of the report's agency
--   is_current   attribute  1 for the current version, else 0
--   agency_type  attribute  政府办公室, 人民政府, 乡镇街道 or 政府部门 (v_agency)
create or alter view dbo.v_agency as
select
    a.agency_key,
    a.agency_code,
    a.name,
    a.region_code,
    a.is_current,
    case
        when a.name like N'%人民政府办公室' or a.name like N'%人民政府办公厅' or a.name like N'%党政办公室' then N'政府办公室'
        when a.name like N'%街道办事处' or a.name like N'%乡人民政府' or a.name like N'%镇人民政府' then N'乡镇街道'
        when a.name like N'%人民政府' then N'人民政府'
        else N'政府部门'
    end as agency_type
from dbo.dim_agency a;
