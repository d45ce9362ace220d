merge dbo.raw_document with (holdlock) as target
using (select @Sha256 as sha256) as source on target.sha256 = source.sha256
when matched then update set last_seen_at = @SeenAt
when not matched then insert (sha256, media_type, size_bytes, origin, source_key, region_hint, first_seen_at, last_seen_at)
    values (@Sha256, @MediaType, @SizeBytes, @Origin, @SourceKey, @RegionHint, @SeenAt, @SeenAt);
