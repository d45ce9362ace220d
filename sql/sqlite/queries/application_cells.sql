select d.category_code, a.column_index, f.count
from fact_application f
join dim_disposal_category d on d.category_key = f.category_key
join dim_applicant_type a on a.applicant_key = f.applicant_key
where f.report_key = @ReportKey;
