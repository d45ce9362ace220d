-- Every alias of the roster's entities, folded.
select entity_key as EntityKey, alias_key as AliasKey, alias as Alias from dbo.roster_alias order by entity_key, alias_key;
