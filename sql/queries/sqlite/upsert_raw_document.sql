insert into raw_document (sha256, media_type, size_bytes, origin, source_key, region_hint, first_seen_at, last_seen_at,
                          portal_url, portal_title, portal_published, http_last_modified)
values (@Sha256, @MediaType, @SizeBytes, @Origin, @SourceKey, @RegionHint, @SeenAt, @SeenAt,
        @PortalUrl, @PortalTitle, @PortalPublished, @HttpLastModified)
on conflict (sha256) do update set
    last_seen_at = excluded.last_seen_at,
    -- What a portal says is kept; a file ingested later (which says nothing) does not erase it.
    portal_url = coalesce(excluded.portal_url, raw_document.portal_url),
    portal_title = coalesce(excluded.portal_title, raw_document.portal_title),
    portal_published = coalesce(excluded.portal_published, raw_document.portal_published),
    http_last_modified = coalesce(excluded.http_last_modified, raw_document.http_last_modified);
