-- The conformed dimensions of the warehouse. Codes (region_code, category_code, …) are the
-- natural keys the parser and the national template use; *_key columns are surrogate keys.

-- dim_region: one row per region of the national division list (GB/T 2260, codes of 2023).
create table dim_region (
    region_key    integer primary key,
    region_code   text not null unique,
    name          text not null,
    level         text not null check (level in ('province', 'city', 'county')),
    parent_code   text null,
    province_code text not null,
    city_code     text null
);

-- dim_year: one row per report year.
create table dim_year (
    year_key integer primary key,
    year     integer not null unique
);

-- dim_disposal_category: the 25 rows of table 三, with the template they exist in.
create table dim_disposal_category (
    category_key  integer primary key,
    category_code text not null unique,
    row_number    integer not null,
    label         text not null,
    group_code    text not null,
    in_2019       integer not null,
    in_2021       integer not null
);

-- dim_applicant_type: the 7 columns of table 三.
create table dim_applicant_type (
    applicant_key  integer primary key,
    applicant_code text not null unique,
    column_index   integer not null,
    label          text not null,
    group_code     text not null
);

-- dim_active_item: the items of table 二 (article 20) and the measures they carry.
create table dim_active_item (
    item_key  integer primary key,
    item_code text not null unique,
    label     text not null
);

-- dim_source: where documents come from (a portal, or files given to ingest).
create table dim_source (
    source_key  integer primary key,
    source_code text not null unique,
    name        text not null,
    kind        text not null check (kind in ('files', 'portal'))
);

-- dim_agency: one row per version of an agency (SCD type 2). agency_code is the stable
-- natural key (the name folded); a move to another region opens a new version.
create table dim_agency (
    agency_key  integer primary key,
    agency_code text not null,
    name        text not null,
    region_code text null,
    valid_from  text not null,
    valid_to    text null,
    is_current  integer not null default 1
);

create unique index ux_dim_agency_current on dim_agency (agency_code) where is_current = 1;
