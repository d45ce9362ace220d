-- v_report_measures: one row per current report (every column of v_report_current, source_url
-- included) with the counts supervisors track and the
-- rates of domain.md, each null when its denominator is zero. rankable = 1 when the report
-- handled 30 applications or more (rates over fewer are shown, not ranked).
--
-- grain: report_key (one row per current report)
-- columns (kind: key, attribute, count or rate; unit or meaning):
--   report_key                  key        fact_report
--   year                        attribute  the year reported on
--   agency_code                 key        agency, the same in every year and version
--   agency                      attribute  the agency's name
--   agency_type                 attribute  政府办公室, 人民政府, 乡镇街道 or 政府部门 (v_agency)
--   region_code                 key        dim_region, the region of the report's agency (null when unknown)
--   region_level                attribute  county, city or province
--   province_code               key        dim_region, the province
--   city_code                   key        dim_region, the city (null for a province, and a county under no city)
--   region                      attribute  the region's name
--   province                    attribute  the province's name
--   city                        attribute  the city's name
--   template                    attribute  2019 or 2021, the form of the report
--   published                   attribute  date the report is signed (落款), yyyy-mm-dd; null when it states none
--   portal_published            attribute  date the portal published it (PubDate meta, 发布时间 byline or list page), yyyy-mm-dd; null when not crawled or not said
--   filing_date                 attribute  the date lateness is judged by: portal_published when known, else published; yyyy-mm-dd; null when undated
--   published_source            attribute  which date filing_date is: portal or signed; null when undated
--   late                        attribute  1 when filing_date is after 31 January of the next year, else 0; null when undated
--   items_published             count      items of information published (主动公开, the report's own total)
--   error_count                 count      findings of severity error
--   warning_count               count      findings of severity warning
--   source_url                  attribute  the URL the document was crawled from, or the file it was loaded from
--   new_received                count      applications (本年新收)
--   carried_over                count      applications (上年结转)
--   applications_handled        count      applications (new_received + carried_over)
--   decided                     count      applications decided ((七)总计, total_processed)
--   carried_forward             count      applications (结转下年度)
--   granted                     count      applications (予以公开)
--   partially_granted           count      applications (部分公开)
--   denied                      count      applications (不予公开)
--   unavailable                 count      applications (无法提供)
--   not_processed               count      applications (不予处理)
--   other_processed             count      applications (其他处理)
--   review_corrected            count      administrative reviews (行政复议) with the decision corrected
--   review_total                count      administrative reviews (行政复议)
--   litigation_corrected        count      lawsuits (行政诉讼, both instances) with the decision corrected
--   litigation_total            count      lawsuits (行政诉讼, both instances)
--   licensing                   count      licensing decisions (行政许可)
--   penalty                     count      penalty decisions (行政处罚)
--   normative_issued            count      normative documents issued (行政规范性文件 制发)
--   disclosure_rate             rate       share of decided applications granted in full or in part, 0-1
--   denied_rate                 rate       share of decided applications denied, 0-1
--   unavailable_rate            rate       share of decided applications unavailable, 0-1
--   not_processed_rate          rate       share of decided applications not processed, 0-1
--   other_processed_rate        rate       share of decided applications processed otherwise, 0-1
--   carry_over_rate             rate       share of handled applications carried forward, 0-1
--   review_correction_rate      rate       share of reviews corrected, 0-1
--   litigation_correction_rate  rate       share of lawsuits corrected, 0-1
--   overall_correction_rate     rate       share of reviews and lawsuits corrected, 0-1
--   dispute_rate                rate       reviews and lawsuits per new application (0.1 = one in ten)
--   licensing_penalty_ratio     rate       licensing decisions per penalty decision (监管服务比)
--   rankable                    attribute  1 when 30 applications or more were handled (rates over fewer are not ranked), else 0
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
