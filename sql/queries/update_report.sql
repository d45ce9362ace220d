update dbo.fact_report set
    agency_key = @AgencyKey, region_code = @RegionCode, template = @Template, published = @Published,
    portal_published = @PortalPublished, published_source = @PublishedSource, late = @Late,
    items_published = @ItemsPublished, layout = @Layout, error_count = @ErrorCount, warning_count = @WarningCount,
    derived_count = @DerivedCount, parser_version = @ParserVersion, content_hash = @ContentHash
where report_key = @ReportKey;
