insert into dbo.fact_active_disclosure (report_key, item_key, measure_code, value)
values (@ReportKey, @ItemKey, @MeasureCode, @Value);
