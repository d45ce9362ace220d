delete from dbo.register_problem;
delete from dbo.register_entry;
