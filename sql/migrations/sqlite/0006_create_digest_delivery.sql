-- digest_delivery: grain: one digest (a dashboard, a region, a report year) to one recipient
-- list. The row is claimed ('sending') before the mail goes out and marked 'sent' when the
-- server accepts it, so a retried job never sends a digest twice; 'unknown' is an attempt that
-- failed after the server may have accepted the message, and is not sent again automatically.
create table digest_delivery (
    delivery_key text primary key,
    dashboard    text not null,
    region_code  text null,
    period       integer not null,
    recipients   text not null,
    message_id   text not null,
    status       text not null check (status in ('sending', 'sent', 'unknown')),
    attempted_at text not null,
    sent_at      text null
);
