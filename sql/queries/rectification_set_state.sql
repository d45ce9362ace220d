-- One 整改 item moved from one open state to the next (待通报 → 已通报 with the date and 文号, → 整改中);
-- no row changes when it is no longer in @From.
update dbo.rectification_item
set state = @State,
    notified_on = case when @State = 'notified' then @On else notified_on end,
    notice_ref = case when @State = 'notified' then @NoticeRef else notice_ref end,
    started_on = case when @State = 'in_progress' then @On else started_on end
where item_key = @ItemKey and state = @From;
