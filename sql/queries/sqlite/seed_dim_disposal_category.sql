insert into dim_disposal_category (category_key, category_code, row_number, label, group_code, in_2019, in_2021)
values (@CategoryKey, @CategoryCode, @RowNumber, @Label, @GroupCode, @In2019, @In2021)
on conflict (category_code) do nothing;
