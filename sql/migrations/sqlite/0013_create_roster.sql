-- The roster (应报名单): who is expected to report, per region and year, with its history.
--
-- roster_entity: grain: one agency expected to report, the same through renames and moves (a
-- 机构改革 renames 县科学技术局 to 县科学技术和工业信息化局: one entity, two versions).
-- uscc is its 统一社会信用代码 when the roster gives one.
create table roster_entity (
    entity_key integer primary key,
    uscc       text null,
    created_at text not null
);
create unique index ux_roster_entity_uscc on roster_entity (uscc) where uscc is not null;

-- roster_entry: grain: one version of an entity (SCD type 2 by report year): its name, region
-- and kind from valid_from_year to valid_to_year (null: still valid). name_key is the name folded
-- as agency_code folds a report's agency, so that reports match it. change says why the version
-- began: added, renamed, moved or retyped; closed_reason why it ended (removed, renamed, moved,
-- retyped), null while open.
create table roster_entry (
    entry_key       integer primary key,
    entity_key      integer not null references roster_entity (entity_key),
    name            text not null,
    name_key        text not null,
    region_code     text null,
    agency_type     text null,
    valid_from_year integer not null,
    valid_to_year   integer null,
    change          text not null,
    closed_reason   text null,
    imported_from   text not null,
    imported_at     text not null
);
create index ix_roster_entry_name on roster_entry (name_key, valid_from_year);
create index ix_roster_entry_entity on roster_entry (entity_key, valid_from_year);

-- roster_alias: grain: one other name of an entity (简称, 曾用名, a name printed in reports),
-- folded as name_key.
create table roster_alias (
    entity_key integer not null references roster_entity (entity_key),
    alias_key  text not null,
    alias      text not null,
    primary key (entity_key, alias_key)
);
create index ix_roster_alias_key on roster_alias (alias_key);

-- roster_deadline: grain: region × report year with a deadline other than 31 January of the
-- following year (an extension is a fact to record). A region's deadline covers the regions
-- under it unless they have their own.
create table roster_deadline (
    region_code text not null,
    year        integer not null,
    deadline    text not null,
    note        text null,
    recorded_at text not null,
    primary key (region_code, year)
);
