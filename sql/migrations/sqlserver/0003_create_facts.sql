-- fact_report: one row per report document loaded. grain: document.
create table dbo.fact_report (
    report_key      int identity(1, 1) not null constraint pk_fact_report primary key,
    agency_key      int not null constraint fk_fact_report_agency references dbo.dim_agency (agency_key),
    agency_code     nvarchar(200) not null,
    region_code     nvarchar(12) null,
    year            int not null,
    template        nchar(4) not null,
    published       date null,
    late            bit null,
    items_published int null,
    sha256          char(64) not null constraint ux_fact_report_sha256 unique
                    constraint fk_fact_report_raw references dbo.raw_document (sha256),
    layout          nvarchar(40) not null,
    error_count     int not null,
    warning_count   int not null,
    derived_count   int not null,
    is_current      bit not null,
    superseded_by   int null constraint fk_fact_report_superseded references dbo.fact_report (report_key),
    parser_version  nvarchar(40) not null,
    batch_key       int not null constraint fk_fact_report_batch references dbo.load_batch (batch_key),
    loaded_at       datetime2(0) not null
);

create unique index ux_fact_report_current on dbo.fact_report (agency_code, year) where is_current = 1;
create index ix_fact_report_year_region on dbo.fact_report (year, region_code);

-- fact_application: grain: report × disposal category × applicant type.
create table dbo.fact_application (
    report_key    int not null constraint fk_fact_application_report references dbo.fact_report (report_key) on delete cascade,
    category_key  int not null constraint fk_fact_application_category references dbo.dim_disposal_category (category_key),
    applicant_key int not null constraint fk_fact_application_applicant references dbo.dim_applicant_type (applicant_key),
    count         int null,
    is_derived    bit not null,
    constraint pk_fact_application primary key (report_key, category_key, applicant_key)
);

-- fact_active_disclosure: grain: report × active item × measure.
create table dbo.fact_active_disclosure (
    report_key   int not null constraint fk_fact_active_report references dbo.fact_report (report_key) on delete cascade,
    item_key     int not null constraint fk_fact_active_item references dbo.dim_active_item (item_key),
    measure_code nvarchar(40) not null,
    value        decimal(18, 2) null,
    constraint pk_fact_active_disclosure primary key (report_key, item_key, measure_code)
);

-- fact_review_litigation: grain: report × proceeding × outcome.
create table dbo.fact_review_litigation (
    report_key      int not null constraint fk_fact_review_report references dbo.fact_report (report_key) on delete cascade,
    proceeding_code nvarchar(30) not null,
    outcome_code    nvarchar(20) not null,
    count           int null,
    is_derived      bit not null,
    constraint pk_fact_review_litigation primary key (report_key, proceeding_code, outcome_code)
);

-- report_finding: grain: one finding of one report.
create table dbo.report_finding (
    finding_key int identity(1, 1) not null constraint pk_report_finding primary key,
    report_key  int not null constraint fk_report_finding_report references dbo.fact_report (report_key) on delete cascade,
    rule_code   nvarchar(40) not null,
    severity    nvarchar(10) not null constraint ck_report_finding_severity check (severity in (N'error', N'warning')),
    row_code    nvarchar(60) null,
    column_code nvarchar(30) null,
    expected    decimal(18, 2) null,
    actual      decimal(18, 2) null,
    message     nvarchar(2000) not null
);

create index ix_report_finding_report on dbo.report_finding (report_key);
