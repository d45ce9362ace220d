if not exists (select 1 from dbo.dim_active_item where item_code = @ItemCode)
    insert into dbo.dim_active_item (item_key, item_code, label) values (@ItemKey, @ItemCode, @Label);
