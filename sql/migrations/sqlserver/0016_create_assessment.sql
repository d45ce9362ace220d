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
create table dbo.assessment_score (
    year            int not null,
    entity_key      int not null references dbo.roster_entity (entity_key),
    scheme          nvarchar(100) not null,
    scheme_title    nvarchar(200) not null,
    agency          nvarchar(200) not null,
    region_code     nvarchar(12) null,
    agency_type     nvarchar(20) null,
    status          nvarchar(20) not null,
    status_label    nvarchar(40) not null,
    report_key      int null,
    rank_group_code nvarchar(40) not null,
    rank_group      nvarchar(100) not null,
    base_score      decimal(9, 2) not null,
    deducted        decimal(9, 2) not null,
    score           decimal(9, 2) null,
    score_note      nvarchar(400) null,
    rank            int null,
    ranked          int null,
    rank_note       nvarchar(1000) null,
    assessed_at     datetime2(0) not null,
    primary key (year, entity_key)
);

-- assessment_deduction: grain: one deduction of one agency's score in one year, in order (seq):
-- its kind (missing, unreadable, late, arithmetic, resemblance, completeness, prose_table,
-- correction), the points taken (0 when its kind's cap was already reached) and the reason in
-- Chinese, naming the problem, the rule of the scheme and the cap.
create table dbo.assessment_deduction (
    year       int not null,
    entity_key int not null,
    seq        int not null,
    kind       nvarchar(20) not null,
    points     decimal(9, 2) not null,
    reason     nvarchar(max) not null,
    primary key (year, entity_key, seq),
    foreign key (year, entity_key) references dbo.assessment_score (year, entity_key)
);
