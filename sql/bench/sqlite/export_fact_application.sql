-- sqlite3 shell script (bench ingest): the loaded fact rows as CSV, for the .import reference.
.mode csv
.headers off
.once fact_application.csv
select report_key, category_key, applicant_key, count, is_derived from fact_application;
