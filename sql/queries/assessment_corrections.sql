-- The 结果纠正 cases (纠错) of each register entry's report of a year, by proceeding (table 四:
-- 行政复议, 行政诉讼 未经复议直接起诉, 复议后起诉), for 考核.
select e.entity_key as EntityKey, f.proceeding_code as Proceeding, cast(sum(f.count) as bigint) as Count
from dbo.register_entry e
join dbo.fact_review_litigation f on f.report_key = e.report_key
where e.year = @Year and f.outcome_code = 'corrected' and f.count > 0
group by e.entity_key, f.proceeding_code
order by e.entity_key, f.proceeding_code;
