update dbo.rectification_item
set state = 'closed', closed_on = @On, closed_how = @How, closed_note = @Note, closed_report_key = @ClosedReportKey
where item_key = @ItemKey and state <> 'closed';
