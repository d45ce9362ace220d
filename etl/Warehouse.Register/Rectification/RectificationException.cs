using Warehouse.Core;

namespace Warehouse.Register.Rectification;

/// <summary>A 整改 command that cannot be done as asked (an unknown item, a state it cannot leave so, no note): one sentence, Chinese first, naming the item and its state.</summary>
public sealed class RectificationException(string message) : UserFacingException(message);
