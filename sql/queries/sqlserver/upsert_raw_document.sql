merge dbo.raw_document with (holdlock) as target
using (select @Sha256 as sha256) as source on target.sha256 = source.sha256
-- What a portal says is kept; a file ingested later (which says nothing) does not erase it.
when matched then update set
    last_seen_at = @SeenAt,
    portal_url = coalesce(@PortalUrl, target.portal_url),
    portal_title = coalesce(@PortalTitle, target.portal_title),
    portal_published = coalesce(@PortalPublished, target.portal_published),
    http_last_modified = coalesce(@HttpLastModified, target.http_last_modified)
when not matched then insert (sha256, media_type, size_bytes, origin, source_key, region_hint, first_seen_at, last_seen_at,
                              portal_url, portal_title, portal_published, http_last_modified)
    values (@Sha256, @MediaType, @SizeBytes, @Origin, @SourceKey, @RegionHint, @SeenAt, @SeenAt,
            @PortalUrl, @PortalTitle, @PortalPublished, @HttpLastModified);
