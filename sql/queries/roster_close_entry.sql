-- Ends a version the year before a new one begins; a version that began in that very year is
-- replaced instead (the same year's roster imported again).
delete from dbo.roster_entry where entry_key = @EntryKey and valid_from_year >= @Year;
update dbo.roster_entry set valid_to_year = @Year - 1, closed_reason = @Reason where entry_key = @EntryKey and valid_from_year < @Year;
