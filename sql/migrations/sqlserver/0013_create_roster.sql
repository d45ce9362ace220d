-- The roster (应报名单): who is expected to report, per region and year, with its history.
--
-- roster_entity: grain: one agency expected to report, the same through renames and moves (a
-- 机构改革 renames 县科学技术局 to 县科学技术和工业信息化局: one entity, two versions).
-- uscc is its 统一社会信用代码 when the roster gives one.
create table dbo.roster_entity (
    entity_key int identity(1, 1) not null constraint pk_roster_entity primary key,
    uscc       nvarchar(18) null,
    created_at datetime2 not null
);
create unique index ux_roster_entity_uscc on dbo.roster_entity (uscc) where uscc is not null;

-- roster_entry: grain: one version of an entity (SCD type 2 by report year): its name, region
-- and kind from valid_from_year to valid_to_year (null: still valid). name_key is the name folded
-- as agency_code folds a report's agency, so that reports match it. change says why the version
-- began: added, renamed, moved or retyped; closed_reason why it ended (removed, renamed, moved,
-- retyped), null while open.
create table dbo.roster_entry (
    entry_key       int identity(1, 1) not null constraint pk_roster_entry primary key,
    entity_key      int not null constraint fk_roster_entry_entity references dbo.roster_entity (entity_key),
    name            nvarchar(200) not null,
    name_key        nvarchar(200) not null,
    region_code     nvarchar(12) null,
    agency_type     nvarchar(20) null,
    valid_from_year int not null,
    valid_to_year   int null,
    change          nvarchar(20) not null,
    closed_reason   nvarchar(20) null,
    imported_from   nvarchar(400) not null,
    imported_at     datetime2 not null
);
create index ix_roster_entry_name on dbo.roster_entry (name_key, valid_from_year);
create index ix_roster_entry_entity on dbo.roster_entry (entity_key, valid_from_year);

-- roster_alias: grain: one other name of an entity (简称, 曾用名, a name printed in reports),
-- folded as name_key.
create table dbo.roster_alias (
    entity_key int not null constraint fk_roster_alias_entity references dbo.roster_entity (entity_key),
    alias_key  nvarchar(200) not null,
    alias      nvarchar(200) not null,
    constraint pk_roster_alias primary key (entity_key, alias_key)
);
create index ix_roster_alias_key on dbo.roster_alias (alias_key);

-- roster_deadline: grain: region × report year with a deadline other than 31 January of the
-- following year (an extension is a fact to record). A region's deadline covers the regions
-- under it unless they have their own.
create table dbo.roster_deadline (
    region_code nvarchar(12) not null,
    year        int not null,
    deadline    date not null,
    note        nvarchar(400) null,
    recorded_at datetime2 not null,
    constraint pk_roster_deadline primary key (region_code, year)
);
