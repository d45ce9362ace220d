namespace Warehouse.Register.Rectification;

/// <summary>A problem of one agency's year as the register's views show it (v_notice, v_rectification): who, where, what, in the 通报's words.</summary>
public abstract record AgencyProblem
{
    public long EntityKey { get; init; }

    public long Year { get; init; }

    /// <summary>单位: the agency's name on the roster.</summary>
    public string Agency { get; init; } = "";

    public string? RegionCode { get; init; }

    /// <summary>地区.</summary>
    public string? Region { get; init; }

    /// <summary>missing, unreadable, late, arithmetic, resemblance, completeness or prose_table.</summary>
    public string Kind { get; init; } = "";

    /// <summary>问题类型: 未发布, 无法读取, 逾期发布, 数据不一致, 雷同, 内容不完整 or 文字与表格不符.</summary>
    public string KindLabel { get; init; } = "";

    /// <summary>1 (most severe) to 7, in the order of <see cref="RegisterService.Kinds"/>.</summary>
    public long Severity { get; init; }

    /// <summary>具体问题: the sentence the 通报 quotes.</summary>
    public string Detail { get; init; } = "";

    /// <summary>原文链接 of the report the problem is in; null when none was published.</summary>
    public string? SourceUrl { get; init; }
}
