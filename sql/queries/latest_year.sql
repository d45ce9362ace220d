select max(year) from dbo.fact_report where is_current = 1;
