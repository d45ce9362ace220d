-- An agency's problems as the register shows them now (v_notice), every year, most severe first.
select year as Year, kind_label as KindLabel, detail as Detail, item_key as ItemKey, item_state_label as ItemStateLabel
from dbo.v_notice
where entity_key = @EntityKey
order by year, severity, problem_key;
