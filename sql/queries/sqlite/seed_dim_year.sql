insert into dim_year (year_key, year) values (@Year, @Year) on conflict (year) do nothing;
