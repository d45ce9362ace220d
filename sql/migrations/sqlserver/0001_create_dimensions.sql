-- The conformed dimensions of the warehouse (see sql/sqlite/migrations/0001 for the grain notes).

-- dim_region: one row per region of the national division list (GB/T 2260, codes of 2023).
create table dbo.dim_region (
    region_key    int identity(1, 1) not null constraint pk_dim_region primary key,
    region_code   nvarchar(12) not null constraint ux_dim_region_code unique,
    name          nvarchar(100) not null,
    level         nvarchar(10) not null constraint ck_dim_region_level check (level in (N'province', N'city', N'county')),
    parent_code   nvarchar(12) null,
    province_code nvarchar(12) not null,
    city_code     nvarchar(12) null
);

-- dim_year: one row per report year.
create table dbo.dim_year (
    year_key int not null constraint pk_dim_year primary key,
    year     int not null constraint ux_dim_year unique
);

-- dim_disposal_category: the 25 rows of table 三, with the template they exist in.
create table dbo.dim_disposal_category (
    category_key  int not null constraint pk_dim_disposal_category primary key,
    category_code nvarchar(60) not null constraint ux_dim_disposal_category unique,
    row_number    int not null,
    label         nvarchar(200) not null,
    group_code    nvarchar(20) not null,
    in_2019       bit not null,
    in_2021       bit not null
);

-- dim_applicant_type: the 7 columns of table 三.
create table dbo.dim_applicant_type (
    applicant_key  int not null constraint pk_dim_applicant_type primary key,
    applicant_code nvarchar(30) not null constraint ux_dim_applicant_type unique,
    column_index   int not null,
    label          nvarchar(30) not null,
    group_code     nvarchar(20) not null
);

-- dim_active_item: the items of table 二 (article 20).
create table dbo.dim_active_item (
    item_key  int not null constraint pk_dim_active_item primary key,
    item_code nvarchar(40) not null constraint ux_dim_active_item unique,
    label     nvarchar(40) not null
);

-- dim_source: where documents come from (a portal, or files given to ingest).
create table dbo.dim_source (
    source_key  int identity(1, 1) not null constraint pk_dim_source primary key,
    source_code nvarchar(100) not null constraint ux_dim_source unique,
    name        nvarchar(200) not null,
    kind        nvarchar(10) not null constraint ck_dim_source_kind check (kind in (N'files', N'portal'))
);

-- dim_agency: one row per version of an agency (SCD type 2).
create table dbo.dim_agency (
    agency_key  int identity(1, 1) not null constraint pk_dim_agency primary key,
    agency_code nvarchar(200) not null,
    name        nvarchar(200) not null,
    region_code nvarchar(12) null,
    valid_from  datetime2(0) not null,
    valid_to    datetime2(0) null,
    is_current  bit not null constraint df_dim_agency_current default 1
);

create unique index ux_dim_agency_current on dbo.dim_agency (agency_code) where is_current = 1;
