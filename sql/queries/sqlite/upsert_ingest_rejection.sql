insert into ingest_rejection (sha256, origin, reason, parser_version, rejected_at, batch_key)
values (@Sha256, @Origin, @Reason, @ParserVersion, @At, @BatchKey)
on conflict (sha256) do update set reason = excluded.reason, parser_version = excluded.parser_version, rejected_at = excluded.rejected_at, batch_key = excluded.batch_key;
