delete from dbo.ingest_rejection where sha256 = @Sha256;
