-- The crawler's memory, in the warehouse so that a crawl killed at any moment resumes where it
-- stopped and a restart loses nothing.

-- crawl_run: one row per crawl of a source. grain: run. A run without finished_at is resumed
-- by the next crawl of that source instead of starting a new one.
create table crawl_run (
    run_key     integer primary key,
    source_code text not null,
    started_at  text not null,
    finished_at text null
);

create index ix_crawl_run_source on crawl_run (source_code, finished_at);

-- crawl_url: the frontier. grain: one normalised URL of a source. A URL is to be fetched in
-- run R when its run_key is older than R, or is R and its state is pending; done, failed and
-- refused are final within the run, so a resumed run fetches no completed URL again.
create table crawl_url (
    url_key         integer primary key,
    source_code     text not null,
    url             text not null,
    kind            text not null check (kind in ('list', 'article', 'document')),
    title           text null,
    found_on        text null,
    run_key         integer not null references crawl_run (run_key),
    state           text not null check (state in ('pending', 'done', 'failed', 'refused')),
    attempts        integer not null default 0,
    last_status     integer null,
    last_reason     text null,
    etag            text null,
    last_modified   text null,
    sha256          text null,
    outcome         text null,
    fetched_at      text null,
    unique (source_code, url)
);

create index ix_crawl_url_work on crawl_url (source_code, run_key, state);
