-- report_resemblance: grain: one current report × kind of 雷同 it shows: its prose mostly the same
-- agency's earlier report (earlier_year) or another agency's report of its year and region
-- (same_region_year), or its table 三 the same, cell for cell, as its agency's report of the year
-- before (table_last_year). resembles_report_key is the other report; shared_share the share of
-- this report's prose shingles found in the other's, 0 to 1 (1 for a table). Recomputed whole by
-- ResemblanceService after every load; docs/register.md says how. No cascade: SQL Server allows
-- one cascade path per table pair; delete_report.sql deletes a report's rows first.
create table dbo.report_resemblance (
    report_key           int not null constraint fk_report_resemblance_report references dbo.fact_report (report_key),
    kind                 nvarchar(20) not null constraint ck_report_resemblance_kind check (kind in (N'earlier_year', N'same_region_year', N'table_last_year')),
    resembles_report_key int not null constraint fk_report_resemblance_other references dbo.fact_report (report_key),
    shared_share         float not null,
    measured_at          datetime2(0) not null,
    constraint pk_report_resemblance primary key (report_key, kind)
);
create index ix_report_resemblance_other on dbo.report_resemblance (resembles_report_key);
