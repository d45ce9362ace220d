-- The date a list page printed beside a report's link, as the portal wrote it; null when the list
-- showed none. The last fallback for the portal's publication date.
alter table dbo.crawl_url add list_date date null;
