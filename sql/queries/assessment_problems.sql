-- The register's problems of a year, for 考核: each scored by its kind.
select p.entity_key as EntityKey, p.kind as Kind, p.problem_key as ProblemKey, p.detail as Detail
from dbo.register_problem p
where p.year = @Year
order by p.entity_key, p.severity, p.problem_key;
