-- v_agency: one row per version of an agency (as dim_agency), with the kind of body it is,
-- read from the ending of its name, for the dashboards' agency-type filter.
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
