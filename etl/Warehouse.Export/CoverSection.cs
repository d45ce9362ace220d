namespace Warehouse.Export;

/// <summary>
/// Lines a caller adds to a workbook's cover (说明) under a heading of their own, after the
/// source: the digest puts the register's headline figures there, so that the attached workbook
/// says what the mail says.
/// </summary>
public sealed record CoverSection(string Title, IReadOnlyList<KeyValuePair<string, string>> Lines);
