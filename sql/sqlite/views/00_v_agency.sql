-- v_agency: one row per version of an agency (as dim_agency), with the kind of body it is,
-- read from the ending of its name, for the dashboards' agency-type filter.
drop view if exists v_agency;
create view v_agency as
select
    a.agency_key,
    a.agency_code,
    a.name,
    a.region_code,
    a.is_current,
    case
        when a.name like '%人民政府办公室' or a.name like '%人民政府办公厅' or a.name like '%党政办公室' then '政府办公室'
        when a.name like '%街道办事处' or a.name like '%乡人民政府' or a.name like '%镇人民政府' then '乡镇街道'
        when a.name like '%人民政府' then '人民政府'
        else '政府部门'
    end as agency_type
from dim_agency a;
