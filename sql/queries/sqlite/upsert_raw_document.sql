insert into raw_document (sha256, media_type, size_bytes, origin, source_key, region_hint, first_seen_at, last_seen_at)
values (@Sha256, @MediaType, @SizeBytes, @Origin, @SourceKey, @RegionHint, @SeenAt, @SeenAt)
on conflict (sha256) do update set last_seen_at = excluded.last_seen_at;
