-- The latest report year a roster version begins in; null before the first import.
select max(valid_from_year) from dbo.roster_entry;
