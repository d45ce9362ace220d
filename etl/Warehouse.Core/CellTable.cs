namespace Warehouse.Core;

/// <summary>The template's tables that hold cells: 表二, 表三 and 表四, named in a <see cref="CellRef"/> as the JSON contract names them.</summary>
public enum CellTable
{
    /// <summary><c>active_disclosure</c>: 表二, 主动公开.</summary>
    ActiveDisclosure,

    /// <summary><c>applications</c>: 表三, 收到和处理政府信息公开申请.</summary>
    Applications,

    /// <summary><c>review_litigation</c>: 表四, 行政复议和行政诉讼.</summary>
    ReviewLitigation,
}
