namespace Warehouse.Core;

/// <summary>
/// A fault the user can fix (a bad file, option, setting, selection or definition, no warehouse):
/// its message is the whole story, one sentence naming the file, option or setting, and the
/// command line prints just that and exits 2. Faults of ours stay other exceptions, shown as
/// internal errors.
/// </summary>
public abstract class UserFacingException(string message, Exception? inner = null) : Exception(message, inner);
