-- Every version of every roster entity, for the register: the years each was valid.
select e.entry_key as EntryKey, e.entity_key as EntityKey, e.name as Name, e.name_key as NameKey, e.region_code as RegionCode,
    e.agency_type as AgencyType, e.valid_from_year as ValidFromYear, e.valid_to_year as ValidToYear
from dbo.roster_entry e
order by e.entity_key, e.valid_from_year;
