-- The agencies whose applications changed most from the year before, for the digest.
select {{sqlserver:top (5) }}agency, region, previous_applications_handled as previous, applications_handled as [current], applications_change as change
from dbo.v_agency_yoy
where year = @Year and applications_change is not null
  and (@Region is null or province_code = @Region or city_code = @Region or region_code = @Region)
order by applications_change_size desc, agency{{sqlite:
limit 5}};
