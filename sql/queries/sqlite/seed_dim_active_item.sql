insert into dim_active_item (item_key, item_code, label) values (@ItemKey, @ItemCode, @Label)
on conflict (item_code) do nothing;
