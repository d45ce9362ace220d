update dbo.roster_entity set uscc = @Uscc where entity_key = @EntityKey and uscc is null;
