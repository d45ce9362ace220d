insert into dbo.register_entry (entity_key, year, entry_key, agency, region_code, agency_type, report_key, deadline, filing_date,
    published_source, status, days_late, missing_run, refreshed_at)
values (@EntityKey, @Year, @EntryKey, @Agency, @RegionCode, @AgencyType, @ReportKey, @Deadline, @FilingDate,
    @PublishedSource, @Status, @DaysLate, @MissingRun, @RefreshedAt);
