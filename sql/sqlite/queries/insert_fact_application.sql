insert into fact_application (report_key, category_key, applicant_key, count, is_derived)
values (@ReportKey, @CategoryKey, @ApplicantKey, @Count, @IsDerived);
