insert into dbo.rectification_event (item_key, state, at, note) values (@ItemKey, @State, @At, @Note);
