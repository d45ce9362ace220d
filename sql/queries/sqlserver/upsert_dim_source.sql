merge dbo.dim_source with (holdlock) as target
using (select @SourceCode as source_code) as source on target.source_code = source.source_code
when matched then update set name = @Name
when not matched then insert (source_code, name, kind) values (@SourceCode, @Name, @Kind)
output inserted.source_key;
