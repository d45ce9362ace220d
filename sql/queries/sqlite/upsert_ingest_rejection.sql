insert into ingest_rejection (sha256, origin, reason, parser_version, rejected_at, batch_key, agency_code, agency, year)
values (@Sha256, @Origin, @Reason, @ParserVersion, @At, @BatchKey, @AgencyCode, @Agency, @Year)
on conflict (sha256) do update set reason = excluded.reason, parser_version = excluded.parser_version, rejected_at = excluded.rejected_at, batch_key = excluded.batch_key,
    -- A reparse knows the file name only, not the portal's title: what was named before is kept.
    agency_code = coalesce(excluded.agency_code, ingest_rejection.agency_code),
    agency = coalesce(excluded.agency, ingest_rejection.agency),
    year = coalesce(excluded.year, ingest_rejection.year);
