-- The raw store: every document's bytes are kept in a content-addressed folder beside the
-- database (sha256), and described here, so that nothing fetched is ever lost.

-- load_batch: one row per ingest run (the lineage key of every fact it loads).
create table load_batch (
    batch_key   integer primary key,
    command     text not null,
    started_at  text not null,
    finished_at text null
);

-- raw_document: one row per distinct document (by content).
create table raw_document (
    sha256        text primary key,
    media_type    text not null,
    size_bytes    integer not null,
    origin        text not null,
    source_key    integer null references dim_source (source_key),
    first_seen_at text not null,
    last_seen_at  text not null
);

-- ingest_rejection: one row per document that could not be read as a report, with why.
create table ingest_rejection (
    sha256         text primary key references raw_document (sha256),
    origin         text not null,
    reason         text not null,
    parser_version text not null,
    rejected_at    text not null,
    batch_key      integer not null references load_batch (batch_key)
);
