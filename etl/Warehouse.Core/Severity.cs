namespace Warehouse.Core;

public enum Severity
{
    Warning,
    Error,
}
