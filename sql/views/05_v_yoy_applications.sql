-- v_yoy_applications: one row per agency, disposal category and year (total column), with
-- the year before and the change; previous_count is null when there was no report then.
--
-- grain: agency_code, year, category_code
-- columns (kind: key, attribute, count or rate; unit or meaning):
--   agency_code     key        agency, the same in every year and version
--   year            attribute  the year reported on
--   category_code   key        dim_disposal_category, the row of table 三
--   row_number      attribute  the row's number in table 三 (1-25)
--   count           count      applications in the total column of this row
--   previous_count  count      the same, the year before; null when no report then
--   change          count      applications, count - previous_count (signed)
create or alter view dbo.v_yoy_applications as
with cells as (
    select r.agency_code, r.year, d.category_code, d.row_number, f.count
    from dbo.fact_report r
    join dbo.fact_application f on f.report_key = r.report_key
    join dbo.dim_disposal_category d on d.category_key = f.category_key
    join dbo.dim_applicant_type t on t.applicant_key = f.applicant_key
    where r.is_current = 1 and t.applicant_code = 'total'
)
select
    c.agency_code,
    c.year,
    c.category_code,
    c.row_number,
    c.count,
    p.count as previous_count,
    c.count - p.count as change
from cells c
left join cells p on p.agency_code = c.agency_code and p.category_code = c.category_code and p.year = c.year - 1;
