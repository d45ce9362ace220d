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
create table dbo.register_entry (
    entity_key       int not null references dbo.roster_entity (entity_key),
    year             int not null,
    entry_key        int not null,
    agency           nvarchar(200) not null,
    region_code      nvarchar(12) null,
    agency_type      nvarchar(20) null,
    report_key       int null,
    deadline         date not null,
    filing_date      date null,
    published_source nvarchar(20) null,
    status           nvarchar(20) not null check (status in (N'on_time', N'late', N'undated', N'unreadable', N'crawl_failed', N'missing', N'not_due')),
    days_late        int null,
    missing_run      int null,
    refreshed_at     datetime2(0) not null,
    primary key (entity_key, year)
);
create index ix_register_entry_year on dbo.register_entry (year, region_code);

-- register_problem: grain: one problem of one register entry, as the register sees it now.
-- problem_key identifies the problem across corrected reports (kind, and the rule, row and column
-- of a finding, without its figures); kind is missing, unreadable, late, arithmetic, completeness,
-- prose_table or resemblance; severity orders them (1 most severe); detail is the Chinese sentence
-- a 通报 quotes; report_key the report it is in (null: missing).
create table dbo.register_problem (
    entity_key  int not null,
    year        int not null,
    problem_key nvarchar(400) not null,
    kind        nvarchar(20) not null,
    severity    int not null,
    detail      nvarchar(max) not null,
    report_key  int null,
    primary key (entity_key, year, problem_key),
    foreign key (entity_key, year) references dbo.register_entry (entity_key, year)
);

-- rectification_item: grain: one problem of one agency and year, followed from when the register
-- first showed it until it is corrected (整改). state: pending (待通报), notified (已通报: notified_on,
-- notice_ref), in_progress (整改中), closed (已整改: closed_on, closed_how, closed_note).
-- closed_how: corrected_report (a corrected report no longer shows it; closed_report_key), next_year
-- (the next year's report is clean of it, for missing and late), published (a missing report came),
-- problem_gone (no longer found, the report unchanged: a deadline extended, a reading corrected)
-- or by_hand (closed_note says why). report_key is the report it was found in; the report stays
-- in fact_report when a corrected one supersedes it. Rows are never deleted.
create table dbo.rectification_item (
    item_key          int identity(1, 1) not null primary key,
    entity_key        int not null references dbo.roster_entity (entity_key),
    year              int not null,
    problem_key       nvarchar(400) not null,
    kind              nvarchar(20) not null,
    severity          int not null,
    detail            nvarchar(max) not null,
    report_key        int null,
    state             nvarchar(20) not null check (state in (N'pending', N'notified', N'in_progress', N'closed')),
    opened_at         datetime2(0) not null,
    notified_on       date null,
    notice_ref        nvarchar(400) null,
    started_on        date null,
    closed_on         date null,
    closed_how        nvarchar(20) null check (closed_how in (N'corrected_report', N'next_year', N'published', N'problem_gone', N'by_hand')),
    closed_note       nvarchar(max) null,
    closed_report_key int null
);
create unique index ux_rectification_item_open on dbo.rectification_item (entity_key, year, problem_key) where state <> N'closed';
create index ix_rectification_item_year on dbo.rectification_item (year, state);

-- rectification_event: grain: one change of state of one item (opened, notified, in_progress,
-- closed, reopened), with its date and note: the item's history.
create table dbo.rectification_event (
    event_key  int identity(1, 1) not null primary key,
    item_key   int not null references dbo.rectification_item (item_key),
    state      nvarchar(20) not null,
    at         datetime2(0) not null,
    note       nvarchar(max) null
);
create index ix_rectification_event_item on dbo.rectification_event (item_key);
