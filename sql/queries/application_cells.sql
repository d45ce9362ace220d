select d.category_code, a.column_index, f.count
from dbo.fact_application f
join dbo.dim_disposal_category d on d.category_key = f.category_key
join dbo.dim_applicant_type a on a.applicant_key = f.applicant_key
where f.report_key = @ReportKey;
