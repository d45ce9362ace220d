insert into dbo.roster_alias (entity_key, alias_key, alias)
select @EntityKey, @AliasKey, @Alias
where not exists (select 1 from dbo.roster_alias where entity_key = @EntityKey and alias_key = @AliasKey);
