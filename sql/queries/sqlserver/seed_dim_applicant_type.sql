if not exists (select 1 from dbo.dim_applicant_type where applicant_code = @ApplicantCode)
    insert into dbo.dim_applicant_type (applicant_key, applicant_code, column_index, label, group_code)
    values (@ApplicantKey, @ApplicantCode, @ColumnIndex, @Label, @GroupCode);
