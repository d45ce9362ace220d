delete from dbo.report_resemblance;
