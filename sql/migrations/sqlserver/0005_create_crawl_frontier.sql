-- The crawler's memory, in the warehouse so that a crawl killed at any moment resumes where it
-- stopped and a restart loses nothing.

-- crawl_run: one row per crawl of a source. grain: run. A run without finished_at is resumed
-- by the next crawl of that source instead of starting a new one.
create table dbo.crawl_run (
    run_key     int identity(1, 1) not null constraint pk_crawl_run primary key,
    source_code nvarchar(100) not null,
    started_at  datetime2(3) not null,
    finished_at datetime2(3) null
);

create index ix_crawl_run_source on dbo.crawl_run (source_code, finished_at);

-- crawl_url: the frontier. grain: one normalised URL of a source. A URL is to be fetched in
-- run R when its run_key is older than R, or is R and its state is pending; done, failed and
-- refused are final within the run, so a resumed run fetches no completed URL again.
create table dbo.crawl_url (
    url_key         int identity(1, 1) not null constraint pk_crawl_url primary key,
    source_code     nvarchar(100) not null,
    url             nvarchar(2000) not null,
    url_hash        as convert(char(64), hashbytes('SHA2_256', url), 2) persisted,
    kind            nvarchar(10) not null constraint ck_crawl_url_kind check (kind in ('list', 'article', 'document')),
    title           nvarchar(500) null,
    found_on        nvarchar(2000) null,
    run_key         int not null constraint fk_crawl_url_run references dbo.crawl_run (run_key),
    state           nvarchar(10) not null constraint ck_crawl_url_state check (state in ('pending', 'done', 'failed', 'refused')),
    attempts        int not null constraint df_crawl_url_attempts default 0,
    last_status     int null,
    last_reason     nvarchar(2000) null,
    etag            nvarchar(400) null,
    last_modified   datetimeoffset(0) null,
    sha256          char(64) null,
    outcome         nvarchar(20) null,
    fetched_at      datetime2(3) null,
    constraint ux_crawl_url unique (source_code, url_hash)
);

create index ix_crawl_url_work on dbo.crawl_url (source_code, run_key, state);
