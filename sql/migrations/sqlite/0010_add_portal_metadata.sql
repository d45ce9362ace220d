-- What the portal said about a crawled document (issue 15, "keep what the portal says").
--
-- raw_document, one row per distinct document, keeps it as the document's lineage, beside its
-- origin: the article page it hangs from (the page itself, or the page an attachment was linked
-- on), the article's title, the day the portal published it (PubDate meta, 发布时间 byline, or the
-- list page's date) and the HTTP Last-Modified of its response. Null for files, and for what a
-- portal did not say; reparse reads them back, so a reparse judges lateness as the crawl did.
alter table raw_document add column portal_url text null;

alter table raw_document add column portal_title text null;

alter table raw_document add column portal_published text null;

alter table raw_document add column http_last_modified text null;

-- fact_report keeps both dates a report can be judged by, as role-playing dates of the report:
-- published (the date it is signed, 落款, as before) and portal_published (the day the portal
-- published it); published_source says which one judged late: 'portal' when the portal's date
-- is known, else 'signed'; null when neither is.
alter table fact_report add column portal_published text null;

alter table fact_report add column published_source text null check (published_source in ('portal', 'signed'));

-- Reports loaded before: their signed date judged them.
update fact_report set published_source = 'signed' where published is not null;
