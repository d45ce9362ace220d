-- The roster's versions valid in a report year, with the entity's 统一社会信用代码.
select e.entry_key as EntryKey, e.entity_key as EntityKey, e.name as Name, e.name_key as NameKey, e.region_code as RegionCode,
    e.agency_type as AgencyType, e.valid_from_year as ValidFromYear, n.uscc as Uscc
from dbo.roster_entry e
join dbo.roster_entity n on n.entity_key = e.entity_key
where e.valid_from_year <= @Year and (e.valid_to_year is null or e.valid_to_year >= @Year)
order by e.entry_key;
