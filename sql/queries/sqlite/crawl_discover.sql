-- A URL found in run @RunKey: new ones are queued; one known from an earlier run is queued
-- again (its validators kept, for a conditional GET); one already seen in this run is left alone.
insert into crawl_url (source_code, url, kind, title, found_on, list_date, run_key, state)
values (@SourceCode, @Url, @Kind, @Title, @FoundOn, @ListDate, @RunKey, 'pending')
on conflict (source_code, url) do update set
    run_key = excluded.run_key,
    state = 'pending',
    attempts = 0,
    title = coalesce(excluded.title, crawl_url.title),
    found_on = coalesce(excluded.found_on, crawl_url.found_on),
    list_date = coalesce(excluded.list_date, crawl_url.list_date)
where crawl_url.run_key < excluded.run_key;
