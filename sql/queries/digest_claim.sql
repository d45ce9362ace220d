-- Claims a digest's delivery before it is sent; fails on the primary key when it is claimed already.
insert into dbo.digest_delivery (delivery_key, dashboard, region_code, report_year, schedule, period_start, recipients, message_id, status, attempted_at)
values (@Key, @Dashboard, @Region, @ReportYear, @Schedule, @PeriodStart, @Recipients, @MessageId, 'sending', @At);
