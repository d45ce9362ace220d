insert into dim_source (source_code, name, kind) values (@SourceCode, @Name, @Kind)
on conflict (source_code) do update set name = excluded.name
returning source_key;
