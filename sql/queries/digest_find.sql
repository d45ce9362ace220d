-- The delivery of a digest, if one was attempted.
select status, message_id, attempted_at, sent_at
from dbo.digest_delivery
where delivery_key = @Key;
