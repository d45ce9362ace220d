namespace Warehouse.Export.Digest;

/// <summary>A digest to build: a dashboard's workbook for a report year (default: the latest loaded) and a region (default: all), for these recipients.</summary>
public sealed record DigestRequest(string Dashboard, string? Region, int? Year, IReadOnlyList<string> To);

/// <summary>The headline figures of a digest, as the warehouse counts them.</summary>
public sealed record Headline(long Received, long Late, long Missing, long Inconsistent);

/// <summary>An agency whose applications changed much from the year before.</summary>
public sealed record Change(string Agency, string? Region, long? Previous, long? Current, long? Difference);

/// <summary>A built digest: the message, its figures, and the key its delivery is recorded under.</summary>
public sealed record Digest(MimeKit.MimeMessage Message, int Year, string RegionName, Headline Headline, IReadOnlyList<Change> Changes, string DeliveryKey, string Recipients, string WorkbookName);

/// <summary>What became of a send.</summary>
public enum DigestOutcome
{
    /// <summary>The server accepted it.</summary>
    Sent,

    /// <summary>It had been sent for this period and these recipients: nothing was sent.</summary>
    AlreadySent,

    /// <summary>An earlier attempt failed after the server may have accepted it, or another process is sending it: nothing was sent.</summary>
    NotSentAgain,
}

/// <summary>The SMTP server refused the digest or dropped the connection before accepting it: nothing was delivered, and a retry will send it.</summary>
public sealed class DigestDeliveryException(string message, Exception inner) : Exception(message, inner);
