using Warehouse.Core;

namespace Warehouse.Parsing;

/// <summary>A document that cannot be read: damaged, truncated, encrypted or over a limit. The message is for the user.</summary>
public sealed class DocumentException(string message, Exception? inner = null) : UserFacingException(message, inner);
