-- The current name of every agency, to suggest the nearest when a name is mistyped.
select agency_code, name from dbo.dim_agency where is_current = 1;
