using Hangfire;

namespace Warehouse.Serve;

/// <summary>
/// Hangfire's time zones as the product resolves them: the configured zone (the settings'
/// Warehouse:TimeZone, which on a machine without tzdata is UTC+8 made by the product, see
/// <see cref="Jobs.ServeOptions"/>) by its id, any other id as the system knows it. Hangfire's own
/// resolver asks the system only, and a job whose zone the system does not know stops serve.
/// </summary>
public sealed class ZoneResolver(TimeZoneInfo configured) : ITimeZoneResolver
{
    private readonly DefaultTimeZoneResolver _system = new();

    public TimeZoneInfo GetTimeZoneById(string timeZoneId) =>
        string.Equals(timeZoneId, configured.Id, StringComparison.OrdinalIgnoreCase) ? configured : _system.GetTimeZoneById(timeZoneId);
}
