delete from dbo.roster_deadline where region_code = @RegionCode and year = @Year;
insert into dbo.roster_deadline (region_code, year, deadline, note, recorded_at) values (@RegionCode, @Year, @Deadline, @Note, @At);
