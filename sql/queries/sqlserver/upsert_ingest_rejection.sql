merge dbo.ingest_rejection with (holdlock) as target
using (select @Sha256 as sha256) as source on target.sha256 = source.sha256
-- A reparse knows the file name only, not the portal's title: what was named before is kept.
when matched then update set reason = @Reason, parser_version = @ParserVersion, rejected_at = @At, batch_key = @BatchKey,
    agency_code = coalesce(@AgencyCode, target.agency_code), agency = coalesce(@Agency, target.agency), year = coalesce(@Year, target.year)
when not matched then insert (sha256, origin, reason, parser_version, rejected_at, batch_key, agency_code, agency, year)
    values (@Sha256, @Origin, @Reason, @ParserVersion, @At, @BatchKey, @AgencyCode, @Agency, @Year);
