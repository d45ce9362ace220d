-- Records what became of a claimed delivery: sent (with its time) or unknown.
update dbo.digest_delivery
set status = @Status, sent_at = @SentAt
where delivery_key = @Key;
