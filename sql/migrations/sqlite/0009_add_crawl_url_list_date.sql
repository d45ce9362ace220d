-- The date a list page printed beside a report's link (yyyy-MM-dd), as the portal wrote it; null
-- when the list showed none. The last fallback for the portal's publication date.
alter table crawl_url add column list_date text null;
