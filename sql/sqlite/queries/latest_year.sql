select max(year) from fact_report where is_current = 1;
