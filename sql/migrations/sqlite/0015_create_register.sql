-- The supervisor's register (报送台账) and the follow-up of its problems (通报, 整改).
--
-- register_entry: grain: roster entity × report year it was on the roster. Rebuilt whole by
-- RegisterService after every load, reparse, crawl, roster import and deadline. agency, region_code
-- and agency_type are the roster's version of that year; report_key the current report matched to
-- it (null: none); entry_key the roster_entry version (no foreign key: a re-imported year replaces
-- its versions, and the register is rebuilt after it); deadline the region's deadline for the year (31 January of the next year unless
-- roster_deadline says otherwise), yyyy-mm-dd; filing_date the portal's publication date when known,
-- else the signed date (published_source: portal or signed); status on_time, late, undated,
-- unreadable, crawl_failed, missing or not_due (no report, the deadline not passed at refreshed_at); days_late the days after the deadline (late only);
-- missing_run the years missing in a row up to this one (missing only, 1 for the first).
create table register_entry (
    entity_key       integer not null references roster_entity (entity_key),
    year             integer not null,
    entry_key        integer not null,
    agency           text not null,
    region_code      text null,
    agency_type      text null,
    report_key       integer null,
    deadline         text not null,
    filing_date      text null,
    published_source text null,
    status           text not null check (status in ('on_time', 'late', 'undated', 'unreadable', 'crawl_failed', 'missing', 'not_due')),
    days_late        integer null,
    missing_run      integer null,
    refreshed_at     text not null,
    primary key (entity_key, year)
);
create index ix_register_entry_year on register_entry (year, region_code);

-- register_problem: grain: one problem of one register entry, as the register sees it now.
-- problem_key identifies the problem across corrected reports (kind, and the rule, row and column
-- of a finding, without its figures); kind is missing, unreadable, late, arithmetic, completeness,
-- prose_table or resemblance; severity orders them (1 most severe); detail is the Chinese sentence
-- a 通报 quotes; report_key the report it is in (null: missing).
create table register_problem (
    entity_key  integer not null,
    year        integer not null,
    problem_key text not null,
    kind        text not null,
    severity    integer not null,
    detail      text not null,
    report_key  integer null,
    primary key (entity_key, year, problem_key),
    foreign key (entity_key, year) references register_entry (entity_key, year)
);

-- rectification_item: grain: one problem of one agency and year, followed from when the register
-- first showed it until it is corrected (整改). state: pending (待通报), notified (已通报: notified_on,
-- notice_ref), in_progress (整改中), closed (已整改: closed_on, closed_how, closed_note).
-- closed_how: corrected_report (a corrected report no longer shows it; closed_report_key), next_year
-- (the next year's report is clean of it, for missing and late), published (a missing report came),
-- problem_gone (no longer found, the report unchanged: a deadline extended, a reading corrected)
-- or by_hand (closed_note says why). report_key is the report it was found in; the report stays
-- in fact_report when a corrected one supersedes it. Rows are never deleted.
create table rectification_item (
    item_key          integer primary key,
    entity_key        integer not null references roster_entity (entity_key),
    year              integer not null,
    problem_key       text not null,
    kind              text not null,
    severity          integer not null,
    detail            text not null,
    report_key        integer null,
    state             text not null check (state in ('pending', 'notified', 'in_progress', 'closed')),
    opened_at         text not null,
    notified_on       text null,
    notice_ref        text null,
    started_on        text null,
    closed_on         text null,
    closed_how        text null check (closed_how in ('corrected_report', 'next_year', 'published', 'problem_gone', 'by_hand')),
    closed_note       text null,
    closed_report_key integer null
);
create unique index ux_rectification_item_open on rectification_item (entity_key, year, problem_key) where state <> 'closed';
create index ix_rectification_item_year on rectification_item (year, state);

-- rectification_event: grain: one change of state of one item (opened, notified, in_progress,
-- closed, reopened), with its date and note: the item's history.
create table rectification_event (
    event_key  integer primary key,
    item_key   integer not null references rectification_item (item_key),
    state      text not null,
    at         text not null,
    note       text null
);
create index ix_rectification_event_item on rectification_event (item_key);
