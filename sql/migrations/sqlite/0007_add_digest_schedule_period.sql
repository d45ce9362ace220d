-- A digest is sent at most once per period of its schedule (a monthly digest monthly), not once
-- per report year: period_start (UTC, ISO 8601) is the start of the period it was sent for and
-- schedule the cron expression whose period that is; the column that held the report year is
-- named for what it holds. Rows written before this have no schedule: they stay as history.
alter table digest_delivery rename column period to report_year;

alter table digest_delivery add column schedule text null;

alter table digest_delivery add column period_start text null;
