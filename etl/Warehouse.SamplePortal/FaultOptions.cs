namespace Warehouse.SamplePortal;

/// <summary>
/// The faults a sample portal plays, all off by default. A share is the part of the eligible URLs
/// that carry the fault; a URL carries at most one, so the shares add up to 1 at most. Which URLs
/// they are depends only on the seed, the site and the path, so a rerun sees the same faults, and
/// every fault but <see cref="NotFoundShare"/>, <see cref="WrongContentTypeShare"/> and the redirect
/// loop passes on a retry.
/// </summary>
public sealed record FaultOptions
{
    /// <summary>Every fault off.</summary>
    public static FaultOptions None { get; } = new();

    /// <summary>What <c>./warehouse sample-portal --faults</c> turns on: a bit of everything, as a bad week of real portals.</summary>
    public static FaultOptions Typical { get; } = new()
    {
        ServerErrorShare = 0.05,
        BurstLength = 2,
        TooManyRequestsShare = 0.03,
        RetryAfter = TimeSpan.FromSeconds(2),
        SlowShare = 0.03,
        SlowDelay = TimeSpan.FromSeconds(3),
        ResetShare = 0.02,
        TruncateShare = 0.02,
        WrongContentTypeShare = 0.2,
        NotFoundShare = 0.02,
        RedirectLoop = true,
    };

    /// <summary>Share of pages and attachments whose first <see cref="BurstLength"/> requests answer 500 or 503.</summary>
    public double ServerErrorShare { get; init; }

    public int BurstLength { get; init; } = 2;

    /// <summary>Share of pages and attachments whose first request answers 429 with Retry-After.</summary>
    public double TooManyRequestsShare { get; init; }

    /// <summary>Sent as whole seconds (Retry-After has no fractions).</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Share of pages and attachments whose first request waits <see cref="SlowDelay"/>.</summary>
    public double SlowShare { get; init; }

    public TimeSpan SlowDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Share of pages and attachments whose first request gets a dropped connection and no response.</summary>
    public double ResetShare { get; init; }

    /// <summary>Share of pages and attachments whose first response stops halfway through its declared Content-Length.</summary>
    public double TruncateShare { get; init; }

    /// <summary>Share of attachments always served as application/octet-stream or text/html.</summary>
    public double WrongContentTypeShare { get; init; }

    /// <summary>Share of listed articles (reports and others) that answer 404 for good.</summary>
    public double NotFoundShare { get; init; }

    /// <summary>Share of pages and attachments whose first request gets a bot-protection challenge (521, a script only). Not in <see cref="Typical"/>.</summary>
    public double ChallengeShare { get; init; }

    /// <summary>Adds three items to every column: a redirect loop, a /go redirect to a listed report, and a /go redirect off the host.</summary>
    public bool RedirectLoop { get; init; }

    /// <summary>Throws, naming the option, when a value cannot work.</summary>
    public void Validate()
    {
        (string Name, double Share)[] shares =
        [
            (nameof(ServerErrorShare), ServerErrorShare), (nameof(TooManyRequestsShare), TooManyRequestsShare),
            (nameof(SlowShare), SlowShare), (nameof(ResetShare), ResetShare), (nameof(TruncateShare), TruncateShare),
            (nameof(WrongContentTypeShare), WrongContentTypeShare), (nameof(NotFoundShare), NotFoundShare),
            (nameof(ChallengeShare), ChallengeShare),
        ];
        foreach (var (name, share) in shares)
        {
            if (share is < 0 or > 1 || double.IsNaN(share)) throw new ArgumentOutOfRangeException(name, share, $"{name} is a share between 0 and 1.");
        }

        // A URL carries one fault at most: the shares split one draw per URL between them.
        var sum = shares.Sum(s => s.Share);
        if (sum > 1 + 1e-9) throw new ArgumentException($"The fault shares add up to {sum:0.###}; a URL carries one fault at most, so they must add up to 1 at most.");
        if (BurstLength < 1) throw new ArgumentOutOfRangeException(nameof(BurstLength), BurstLength, "BurstLength is the number of failed requests before success: at least 1.");
        if (RetryAfter < TimeSpan.Zero || RetryAfter.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(RetryAfter), RetryAfter, "RetryAfter is a whole number of seconds, 0 or more (the Retry-After header has no fractions).");
        }

        if (SlowDelay < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(SlowDelay), SlowDelay, "SlowDelay cannot be negative.");
    }
}
