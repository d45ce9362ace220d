-- 考核 scoring (docs/register.md): the latest assessment of each year, by the scheme it was scored
-- with (dashboards/NAME.scheme.yaml). `warehouse assess --year Y` replaces the year's rows whole, so
-- that the 考核评分 workbook, filtered by year and region, never mixes two schemes' scores and ranks.
--
-- assessment_score: grain: roster entity × year assessed. agency, region_code and agency_type are
-- the register's (the roster's version of the year); status the register's status and status_label its words (v_register's, as scored); rank_group the
-- agencies ranked together (same region level under the same parent region: rank_group_code is
-- level:parent_code); base_score the scheme's base; deducted the points deducted (before the
-- floor); score base_score - deducted, not below the floor (null: not scored, not due yet);
-- score_note why a score is not simply base - deducted; rank the competition rank in the group
-- (1, 2, 2, 4; null when not scored); ranked how many agencies of the group were scored; rank_note
-- who a shared rank is shared with.
create table assessment_score (
    year            integer not null,
    entity_key      integer not null references roster_entity (entity_key),
    scheme          text not null,
    scheme_title    text not null,
    agency          text not null,
    region_code     text null,
    agency_type     text null,
    status          text not null,
    status_label    text not null,
    report_key      integer null,
    rank_group_code text not null,
    rank_group      text not null,
    base_score      numeric not null,
    deducted        numeric not null,
    score           numeric null,
    score_note      text null,
    rank            integer null,
    ranked          integer null,
    rank_note       text null,
    assessed_at     text not null,
    primary key (year, entity_key)
);

-- assessment_deduction: grain: one deduction of one agency's score in one year, in order (seq):
-- its kind (missing, unreadable, late, arithmetic, resemblance, completeness, prose_table,
-- correction), the points taken (0 when its kind's cap was already reached) and the reason in
-- Chinese, naming the problem, the rule of the scheme and the cap.
create table assessment_deduction (
    year       integer not null,
    entity_key integer not null,
    seq        integer not null,
    kind       text not null,
    points     numeric not null,
    reason     text not null,
    primary key (year, entity_key, seq),
    foreign key (year, entity_key) references assessment_score (year, entity_key)
);
