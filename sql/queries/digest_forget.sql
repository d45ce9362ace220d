-- Forgets an earlier delivery (sent, or of unknown outcome) when an operator asks to send the digest again (--resend).
delete from dbo.digest_delivery
where delivery_key = @Key;
