using Warehouse.SamplePortal.Content;

namespace Warehouse.SamplePortal;

/// <summary>
/// Decides which fault a URL carries and whether its nth request plays it. One draw in [0, 1)
/// per (seed, site, path) is split between the faults the resource kind allows, in a fixed order,
/// so a URL carries one fault at most and a rerun with the same seed sees the same faults.
/// The site is its index, not its port, since ports change from run to run.
/// </summary>
public sealed class FaultPlan
{
    private static readonly FaultKind[] Order =
    [
        FaultKind.NotFound, FaultKind.ServerError, FaultKind.TooManyRequests, FaultKind.Slow,
        FaultKind.Reset, FaultKind.Truncate, FaultKind.WrongContentType, FaultKind.Challenge,
    ];

    private readonly FaultOptions _options;
    private readonly int _seed;

    public FaultPlan(FaultOptions options, int seed)
    {
        options.Validate();
        _options = options;
        _seed = seed;
    }

    /// <summary>The fault the URL carries for the whole run.</summary>
    /// <param name="path">The path with the query parameters that choose the resource, as <c>SiteContent</c> keys it.</param>
    public FaultKind FaultOf(int site, string path, ResourceKind kind)
    {
        if (kind == ResourceKind.Fixed) return FaultKind.None;
        var draw = Draw(_seed, site, path, "fault");
        var upTo = 0.0;
        foreach (var fault in Order)
        {
            if (!Allows(kind, fault)) continue;
            upTo += Share(fault);
            if (draw < upTo) return fault;
        }

        return FaultKind.None;
    }

    /// <summary>The fault the <paramref name="attempt"/>th request (from 1) of the URL plays; None once the fault has passed.</summary>
    public FaultKind Decide(int site, string path, ResourceKind kind, int attempt)
    {
        var fault = FaultOf(site, path, kind);
        return Plays(fault, attempt) ? fault : FaultKind.None;
    }

    /// <summary>500 on odd attempts, 503 on even ones, as a portal behind a load balancer alternates.</summary>
    public static int ServerErrorStatus(int attempt) => attempt % 2 == 1 ? 500 : 503;

    /// <summary>The Content-Type a <see cref="FaultKind.WrongContentType"/> attachment always gets.</summary>
    public string WrongContentType(int site, string path) =>
        Draw(_seed, site, path, "content-type") < 0.5 ? "application/octet-stream" : "text/html";

    /// <summary>The Retry-After value in seconds.</summary>
    public int RetryAfterSeconds => (int)_options.RetryAfter.TotalSeconds;

    public TimeSpan SlowDelay => _options.SlowDelay;

    private bool Plays(FaultKind fault, int attempt) => fault switch
    {
        FaultKind.None => false,
        FaultKind.ServerError => attempt <= _options.BurstLength,
        FaultKind.TooManyRequests or FaultKind.Slow or FaultKind.Reset or FaultKind.Truncate or FaultKind.Challenge => attempt == 1,
        _ => true,
    };

    private static bool Allows(ResourceKind kind, FaultKind fault) => fault switch
    {
        // A list page never fails for good: the whole column behind it would be lost.
        FaultKind.NotFound => kind == ResourceKind.Article,
        FaultKind.WrongContentType => kind == ResourceKind.Attachment,
        _ => kind != ResourceKind.Fixed,
    };

    private double Share(FaultKind fault) => fault switch
    {
        FaultKind.NotFound => _options.NotFoundShare,
        FaultKind.ServerError => _options.ServerErrorShare,
        FaultKind.TooManyRequests => _options.TooManyRequestsShare,
        FaultKind.Slow => _options.SlowShare,
        FaultKind.Reset => _options.ResetShare,
        FaultKind.Truncate => _options.TruncateShare,
        FaultKind.WrongContentType => _options.WrongContentTypeShare,
        FaultKind.Challenge => _options.ChallengeShare,
        _ => 0,
    };

    private static double Draw(int seed, int site, string path, string purpose) => StableDraw.Unit($"{seed}\n{site}\n{path}\n{purpose}");
}
