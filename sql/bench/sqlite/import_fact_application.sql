-- sqlite3 shell script (bench ingest): the reference our loader is measured against, the shell's
-- own CSV import of the same rows into the same table, with the pragmas the loader's connection uses.
pragma journal_mode = wal;
pragma synchronous = normal;
pragma cache_size = -65536;
.import --csv fact_application.csv fact_application
