insert into dbo.report_resemblance (report_key, kind, resembles_report_key, shared_share, measured_at)
values (@ReportKey, @Kind, @ResemblesReportKey, @SharedShare, @MeasuredAt);
