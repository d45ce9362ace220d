insert into dbo.roster_entity (uscc, created_at) {{sqlserver:output inserted.entity_key }}values (@Uscc, @At){{sqlite: returning entity_key}};
