delete from dbo.assessment_deduction where year = @Year;
delete from dbo.assessment_score where year = @Year;
