-- One agency's score, with the register's words for its status as they were when it was scored.
insert into dbo.assessment_score (year, entity_key, scheme, scheme_title, agency, region_code, agency_type, status, status_label, report_key,
    rank_group_code, rank_group, base_score, deducted, score, score_note, rank, ranked, rank_note, assessed_at)
select e.year, e.entity_key, @Scheme, @SchemeTitle, e.agency, e.region_code, e.agency_type, e.status, e.status_label, e.report_key,
    @RankGroupCode, @RankGroup, @BaseScore, @Deducted, @Score, @ScoreNote, @Rank, @Ranked, @RankNote, @AssessedAt
from dbo.v_register e
where e.entity_key = @EntityKey and e.year = @Year;
