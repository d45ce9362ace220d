-- A digest is sent at most once per period of its schedule (a monthly digest monthly), not once
-- per report year: period_start (UTC) is the start of the period it was sent for and schedule
-- the cron expression whose period that is; the column that held the report year is named for
-- what it holds. Rows written before this have no schedule: they stay as history.
exec sp_rename N'dbo.digest_delivery.period', N'report_year', N'COLUMN';

alter table dbo.digest_delivery add schedule nvarchar(100) null, period_start nvarchar(20) null;
