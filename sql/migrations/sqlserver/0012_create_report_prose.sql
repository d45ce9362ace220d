-- report_prose: grain: one row per report. The prose of sections 一, 五 and 六 as the parser read
-- it (sections separated by a blank line), which the 雷同 check compares across agencies and
-- years. Kept beside fact_report, not in it: a few kilobytes of text per report that only that
-- check reads. Empty for reports loaded before it existed, until they are reparsed.
create table dbo.report_prose (
    report_key int not null constraint pk_report_prose primary key
        constraint fk_report_prose_report references dbo.fact_report (report_key) on delete cascade,
    prose      nvarchar(max) not null
);
