-- The columns of the warehouse's views (v_*), in order: what dashboards may name.
select m.name as view_name, p.name as column_name
from sqlite_master m
join pragma_table_info(m.name) p
where m.type = 'view' and m.name like 'v\_%' escape '\'
order by m.name, p.cid;
