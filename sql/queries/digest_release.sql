-- Releases a claim whose mail the server refused, so that a retry sends it.
delete from dbo.digest_delivery
where delivery_key = @Key and status = 'sending';
