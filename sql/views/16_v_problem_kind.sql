-- v_problem_kind: the register's kinds of problem (register_problem.kind, rectification_item.kind),
-- each with its 问题类型 as a 通报 names it and its severity, in one place for the views that show them.
--
-- grain: kind
-- columns (kind: key, attribute, count or rate; unit or meaning):
--   kind                   key        missing, unreadable, late, arithmetic, resemblance, completeness or prose_table
--   kind_label             attribute  问题类型: 未发布, 无法读取, 逾期发布, 数据不一致, 雷同, 内容不完整 or 文字与表格不符
--   severity               attribute  1 (most severe) to 7, the order a 通报 sorts by (RegisterService.Kinds)
create or alter view dbo.v_problem_kind as
select 'missing' as kind, N'未发布' as kind_label, 1 as severity
union all select 'unreadable', N'无法读取', 2
union all select 'late', N'逾期发布', 3
union all select 'arithmetic', N'数据不一致', 4
union all select 'resemblance', N'雷同', 5
union all select 'completeness', N'内容不完整', 6
union all select 'prose_table', N'文字与表格不符', 7;
