insert into dim_applicant_type (applicant_key, applicant_code, column_index, label, group_code)
values (@ApplicantKey, @ApplicantCode, @ColumnIndex, @Label, @GroupCode)
on conflict (applicant_code) do nothing;
