-- v_report_measures: one row per current report (every column of v_report_current, source_url
-- included) with the counts supervisors track and the
-- rates of domain.md, each null when its denominator is zero. rankable = 1 when the report
-- handled 30 applications or more (rates over fewer are shown, not ranked).
create or alter view dbo.v_report_measures as
with totals as (
    select
        f.report_key,
        sum(case when d.category_code = 'new_received' then f.count end) as new_received,
        sum(case when d.category_code = 'carried_over' then f.count end) as carried_over,
        sum(case when d.category_code = 'total_processed' then f.count end) as total_processed,
        sum(case when d.category_code = 'carried_forward' then f.count end) as carried_forward,
        sum(case when d.group_code = 'granted' then f.count end) as granted,
        sum(case when d.group_code = 'partial' then f.count end) as partially_granted,
        sum(case when d.group_code = 'denied' then f.count end) as denied,
        sum(case when d.group_code = 'unavailable' then f.count end) as unavailable,
        sum(case when d.group_code = 'not_processed' then f.count end) as not_processed,
        sum(case when d.group_code = 'other' then f.count end) as other_processed
    from dbo.fact_application f
    join dbo.dim_disposal_category d on d.category_key = f.category_key
    join dbo.dim_applicant_type t on t.applicant_key = f.applicant_key
    where t.applicant_code = 'total'
    group by f.report_key
),
review as (
    select
        report_key,
        sum(case when proceeding_code = 'review' and outcome_code = 'corrected' then count end) as review_corrected,
        sum(case when proceeding_code = 'review' and outcome_code = 'total' then count end) as review_total,
        sum(case when proceeding_code <> 'review' and outcome_code = 'corrected' then count end) as litigation_corrected,
        sum(case when proceeding_code <> 'review' and outcome_code = 'total' then count end) as litigation_total
    from dbo.fact_review_litigation
    group by report_key
),
active as (
    select
        f.report_key,
        sum(case when i.item_code = 'licensing' and f.measure_code = 'decisions' then f.value end) as licensing,
        sum(case when i.item_code = 'penalty' and f.measure_code = 'decisions' then f.value end) as penalty,
        sum(case when i.item_code = 'normative_documents' and f.measure_code = 'issued' then f.value end) as normative_issued
    from dbo.fact_active_disclosure f
    join dbo.dim_active_item i on i.item_key = f.item_key
    group by f.report_key
)
select
    c.*,
    t.new_received,
    t.carried_over,
    t.new_received + t.carried_over as applications_handled,
    t.total_processed as decided,
    t.carried_forward,
    t.granted,
    t.partially_granted,
    t.denied,
    t.unavailable,
    t.not_processed,
    t.other_processed,
    v.review_corrected,
    v.review_total,
    v.litigation_corrected,
    v.litigation_total,
    a.licensing,
    a.penalty,
    a.normative_issued,
    1.0 * (t.granted + t.partially_granted) / nullif(t.total_processed, 0) as disclosure_rate,
    1.0 * t.denied / nullif(t.total_processed, 0) as denied_rate,
    1.0 * t.unavailable / nullif(t.total_processed, 0) as unavailable_rate,
    1.0 * t.not_processed / nullif(t.total_processed, 0) as not_processed_rate,
    1.0 * t.other_processed / nullif(t.total_processed, 0) as other_processed_rate,
    1.0 * t.carried_forward / nullif(t.new_received + t.carried_over, 0) as carry_over_rate,
    1.0 * v.review_corrected / nullif(v.review_total, 0) as review_correction_rate,
    1.0 * v.litigation_corrected / nullif(v.litigation_total, 0) as litigation_correction_rate,
    1.0 * (v.review_corrected + v.litigation_corrected) / nullif(v.review_total + v.litigation_total, 0) as overall_correction_rate,
    1.0 * (v.review_total + v.litigation_total) / nullif(t.new_received, 0) as dispute_rate,
    1.0 * a.licensing / nullif(a.penalty, 0) as licensing_penalty_ratio,
    case when t.new_received + t.carried_over >= 30 then 1 else 0 end as rankable
from dbo.v_report_current c
join totals t on t.report_key = c.report_key
left join review v on v.report_key = c.report_key
left join active a on a.report_key = c.report_key;
