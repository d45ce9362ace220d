-- The roster entities a name may mean: its name in any version (as written or folded), or an alias.
select n.entity_key as EntityKey from dbo.roster_entry n where n.name = @Name or n.name_key = @NameKey
union
select a.entity_key from dbo.roster_alias a where a.alias = @Name or a.alias_key = @NameKey;
