-- Forgets an attempt whose outcome is unknown, when an operator asks to send the digest again.
delete from digest_delivery
where delivery_key = @Key and status <> 'sent';
