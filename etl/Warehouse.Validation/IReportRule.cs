using Warehouse.Core;

namespace Warehouse.Validation;

/// <summary>One consistency rule (勾稽关系) that needs only the report itself.</summary>
public interface IReportRule
{
    IEnumerable<Finding> Check(Report report);
}
