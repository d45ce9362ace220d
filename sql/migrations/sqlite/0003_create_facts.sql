-- fact_report: one row per report document loaded. grain: document (a newer document for
-- the same agency and year supersedes the older, which stays with is_current = 0).
create table fact_report (
    report_key      integer primary key,
    agency_key      integer not null references dim_agency (agency_key),
    agency_code     text not null,
    region_code     text null,
    year            integer not null,
    template        text not null,
    published       text null,
    late            integer null,
    items_published integer null,
    sha256          text not null unique references raw_document (sha256),
    layout          text not null,
    error_count     integer not null,
    warning_count   integer not null,
    derived_count   integer not null,
    is_current      integer not null,
    superseded_by   integer null references fact_report (report_key),
    parser_version  text not null,
    batch_key       integer not null references load_batch (batch_key),
    loaded_at       text not null
);

create unique index ux_fact_report_current on fact_report (agency_code, year) where is_current = 1;
create index ix_fact_report_year_region on fact_report (year, region_code);

-- fact_application: grain: report × disposal category × applicant type; the count (null when
-- the document lost it and no rule recovered it).
create table fact_application (
    report_key    integer not null references fact_report (report_key) on delete cascade,
    category_key  integer not null references dim_disposal_category (category_key),
    applicant_key integer not null references dim_applicant_type (applicant_key),
    count         integer null,
    is_derived    integer not null,
    primary key (report_key, category_key, applicant_key)
) without rowid;

-- fact_active_disclosure: grain: report × active item × measure (issued, repealed,
-- in_force, decisions, amount_10k_yuan, and the 2019 template's own columns).
create table fact_active_disclosure (
    report_key   integer not null references fact_report (report_key) on delete cascade,
    item_key     integer not null references dim_active_item (item_key),
    measure_code text not null,
    value        real null,
    primary key (report_key, item_key, measure_code)
) without rowid;

-- fact_review_litigation: grain: report × proceeding × outcome.
create table fact_review_litigation (
    report_key      integer not null references fact_report (report_key) on delete cascade,
    proceeding_code text not null,
    outcome_code    text not null,
    count           integer null,
    is_derived      integer not null,
    primary key (report_key, proceeding_code, outcome_code)
) without rowid;

-- report_finding: grain: one finding of one report.
create table report_finding (
    finding_key integer primary key,
    report_key  integer not null references fact_report (report_key) on delete cascade,
    rule_code   text not null,
    severity    text not null check (severity in ('error', 'warning')),
    row_code    text null,
    column_code text null,
    expected    real null,
    actual      real null,
    message     text not null
);

create index ix_report_finding_report on report_finding (report_key);
