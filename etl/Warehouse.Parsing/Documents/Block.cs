namespace Warehouse.Parsing.Documents;

/// <summary>A piece of a report in reading order, whatever layout it came from.</summary>
public abstract record Block;
