-- 雷同 of every current report, with the report it resembles.
select report_key as ReportKey, kind as Kind, share_identical as ShareIdentical, agency_code as AgencyCode,
    resembles_agency as ResemblesAgency, resembles_year as ResemblesYear, resembles_report_key as ResemblesReportKey
from dbo.v_report_resemblance
order by report_key, kind;
