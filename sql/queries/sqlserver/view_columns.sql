-- The columns of the warehouse's views (v_*), in order: what dashboards may name.
select c.TABLE_NAME as view_name, c.COLUMN_NAME as column_name
from INFORMATION_SCHEMA.COLUMNS c
join INFORMATION_SCHEMA.VIEWS v on v.TABLE_SCHEMA = c.TABLE_SCHEMA and v.TABLE_NAME = c.TABLE_NAME
where c.TABLE_SCHEMA = 'dbo' and c.TABLE_NAME like 'v[_]%'
order by c.TABLE_NAME, c.ORDINAL_POSITION;
