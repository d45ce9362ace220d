-- The history of an agency's 整改 items: every change of state, oldest first.
select v.item_key as ItemKey, v.state as State, v.at as At, v.note as Note
from dbo.rectification_event v
join dbo.rectification_item i on i.item_key = v.item_key
where i.entity_key = @EntityKey
order by v.item_key, v.event_key;
