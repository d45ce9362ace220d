-- digest_delivery: grain: one digest (a dashboard, a region, a report year) to one recipient
-- list. The row is claimed ('sending') before the mail goes out and marked 'sent' when the
-- server accepts it, so a retried job never sends a digest twice; 'unknown' is an attempt that
-- failed after the server may have accepted the message, and is not sent again automatically.
create table dbo.digest_delivery (
    delivery_key char(64) not null constraint pk_digest_delivery primary key,
    dashboard    nvarchar(100) not null,
    region_code  nvarchar(12) null,
    period       int not null,
    recipients   nvarchar(4000) not null,
    message_id   nvarchar(300) not null,
    status       nvarchar(10) not null constraint ck_digest_delivery_status check (status in ('sending', 'sent', 'unknown')),
    attempted_at datetime2(3) not null,
    sent_at      datetime2(3) null
);
