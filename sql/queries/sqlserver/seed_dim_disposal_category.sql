if not exists (select 1 from dbo.dim_disposal_category where category_code = @CategoryCode)
    insert into dbo.dim_disposal_category (category_key, category_code, row_number, label, group_code, in_2019, in_2021)
    values (@CategoryKey, @CategoryCode, @RowNumber, @Label, @GroupCode, @In2019, @In2021);
