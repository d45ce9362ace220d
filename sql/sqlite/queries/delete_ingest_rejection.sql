delete from ingest_rejection where sha256 = @Sha256;
