insert into dbo.fact_report (
    agency_key, agency_code, region_code, year, template, published, portal_published, published_source, late, items_published, sha256, layout,
    error_count, warning_count, derived_count, is_current, superseded_by, parser_version, batch_key, loaded_at, content_hash)
{{sqlserver:output inserted.report_key
}}values (
    @AgencyKey, @AgencyCode, @RegionCode, @Year, @Template, @Published, @PortalPublished, @PublishedSource, @Late, @ItemsPublished, @Sha256, @Layout,
    @ErrorCount, @WarningCount, @DerivedCount, @IsCurrent, null, @ParserVersion, @BatchKey, @LoadedAt, @ContentHash){{sqlite:
returning report_key}};
