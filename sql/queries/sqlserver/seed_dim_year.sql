if not exists (select 1 from dbo.dim_year where year = @Year)
    insert into dbo.dim_year (year_key, year) values (@Year, @Year);
