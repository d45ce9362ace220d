merge dbo.ingest_rejection with (holdlock) as target
using (select @Sha256 as sha256) as source on target.sha256 = source.sha256
when matched then update set reason = @Reason, parser_version = @ParserVersion, rejected_at = @At, batch_key = @BatchKey
when not matched then insert (sha256, origin, reason, parser_version, rejected_at, batch_key)
    values (@Sha256, @Origin, @Reason, @ParserVersion, @At, @BatchKey);
