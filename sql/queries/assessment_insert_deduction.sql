insert into dbo.assessment_deduction (year, entity_key, seq, kind, points, reason)
values (@Year, @EntityKey, @Seq, @Kind, @Points, @Reason);
