-- The raw store: document bytes live in a content-addressed folder; this describes them.

-- load_batch: one row per ingest run (the lineage key of every fact it loads).
create table dbo.load_batch (
    batch_key   int identity(1, 1) not null constraint pk_load_batch primary key,
    command     nvarchar(200) not null,
    started_at  datetime2(0) not null,
    finished_at datetime2(0) null
);

-- raw_document: one row per distinct document (by content).
create table dbo.raw_document (
    sha256        char(64) not null constraint pk_raw_document primary key,
    media_type    nvarchar(100) not null,
    size_bytes    bigint not null,
    origin        nvarchar(2000) not null,
    source_key    int null constraint fk_raw_document_source references dbo.dim_source (source_key),
    first_seen_at datetime2(0) not null,
    last_seen_at  datetime2(0) not null
);

-- ingest_rejection: one row per document that could not be read as a report, with why.
create table dbo.ingest_rejection (
    sha256         char(64) not null constraint pk_ingest_rejection primary key
                   constraint fk_ingest_rejection_raw references dbo.raw_document (sha256),
    origin         nvarchar(2000) not null,
    reason         nvarchar(2000) not null,
    parser_version nvarchar(40) not null,
    rejected_at    datetime2(0) not null,
    batch_key      int not null constraint fk_ingest_rejection_batch references dbo.load_batch (batch_key)
);
