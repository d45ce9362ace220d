-- report_resemblance: grain: one current report × kind of 雷同 it shows: its prose mostly the same
-- agency's earlier report (earlier_year) or another agency's report of its year and region
-- (same_region_year), or its table 三 the same, cell for cell, as its agency's report of the year
-- before (table_last_year). resembles_report_key is the other report; shared_share the share of
-- this report's prose shingles found in the other's, 0 to 1 (1 for a table). Recomputed whole by
-- ResemblanceService after every load; docs/register.md says how.
create table report_resemblance (
    report_key           integer not null references fact_report (report_key),
    kind                 text not null check (kind in ('earlier_year', 'same_region_year', 'table_last_year')),
    resembles_report_key integer not null references fact_report (report_key),
    shared_share         real not null,
    measured_at          text not null,
    primary key (report_key, kind)
);
create index ix_report_resemblance_other on report_resemblance (resembles_report_key);
