-- What the portal said about a crawled document (issue 15, "keep what the portal says").
--
-- raw_document, one row per distinct document, keeps it as the document's lineage, beside its
-- origin: the article page it hangs from (the page itself, or the page an attachment was linked
-- on), the article's title, the day the portal published it (PubDate meta, 发布时间 byline, or the
-- list page's date) and the HTTP Last-Modified of its response (UTC). Null for files, and for
-- what a portal did not say; reparse reads them back, so a reparse judges lateness as the crawl did.
alter table dbo.raw_document add
    portal_url         nvarchar(2000) null,
    portal_title       nvarchar(500) null,
    portal_published   date null,
    http_last_modified datetime2(0) null;

-- fact_report keeps both dates a report can be judged by, as role-playing dates of the report:
-- published (the date it is signed, 落款, as before) and portal_published (the day the portal
-- published it); published_source says which one judged late: 'portal' when the portal's date
-- is known, else 'signed'; null when neither is.
alter table dbo.fact_report add
    portal_published date null,
    published_source varchar(6) null constraint ck_fact_report_published_source check (published_source in ('portal', 'signed'));

-- Reports loaded before: their signed date judged them. Run as its own statement (exec): the batch
-- that adds published_source is compiled before the column exists.
exec (N'update dbo.fact_report set published_source = ''signed'' where published is not null');
