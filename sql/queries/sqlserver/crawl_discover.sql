-- A URL found in run @RunKey: new ones are queued; one known from an earlier run is queued
-- again (its validators kept, for a conditional GET); one already seen in this run is left alone.
merge dbo.crawl_url with (holdlock) as target
using (select @SourceCode as source_code, convert(char(64), hashbytes('SHA2_256', convert(nvarchar(2000), @Url)), 2) as url_hash) as source
    on target.source_code = source.source_code and target.url_hash = source.url_hash
when matched and target.run_key < @RunKey then update set
    run_key = @RunKey,
    state = 'pending',
    attempts = 0,
    title = coalesce(@Title, target.title),
    found_on = coalesce(@FoundOn, target.found_on),
    list_date = coalesce(convert(date, @ListDate, 23), target.list_date)
when not matched then insert (source_code, url, kind, title, found_on, list_date, run_key, state)
    values (@SourceCode, @Url, @Kind, @Title, @FoundOn, convert(date, @ListDate, 23), @RunKey, 'pending');
