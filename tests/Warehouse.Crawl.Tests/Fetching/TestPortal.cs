using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Warehouse.Crawl.Tests.Fetching;

/// <summary>One request as the portal saw it arrive.</summary>
/// <param name="Timestamp">Stopwatch timestamp at arrival: the same clock as the fetcher's, since both run in this process.</param>
public sealed record Hit(string Path, int Port, long Timestamp, DateTimeOffset At, IReadOnlyDictionary<string, string> Headers)
{
    public string? Header(string name) => Headers.GetValueOrDefault(name);
}

/// <summary>
/// A portal on 127.0.0.1 (Kestrel, on one or more ports chosen by the system) whose endpoints each test maps
/// to misbehave on purpose. It logs every request as it arrives, before the endpoint runs.
/// </summary>
public sealed class TestPortal : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<Hit> hits = new();

    private readonly string scheme;

    private TestPortal(WebApplication app, string scheme)
    {
        this.app = app;
        this.scheme = scheme;
    }

    public IReadOnlyList<int> Ports { get; private set; } = [];

    public IReadOnlyList<Hit> Hits => [.. hits.OrderBy(h => h.Timestamp)];

    /// <param name="certificate">When given, the portal speaks HTTPS with it on every port.</param>
    public static async Task<TestPortal> StartAsync(Action<WebApplication> map, CancellationToken ct, int ports = 1, X509Certificate2? certificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            for (var i = 0; i < ports; i++) kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                if (certificate is not null) listen.UseHttps(certificate);
            });
        });
        var app = builder.Build();
        var portal = new TestPortal(app, certificate is null ? "http" : "https");
        app.Use(async (context, next) =>
        {
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            portal.hits.Enqueue(new Hit(context.Request.Path + context.Request.QueryString, context.Connection.LocalPort, Stopwatch.GetTimestamp(), TimeProvider.System.GetUtcNow(), headers));
            await next(context);
        });
        map(app);
        await app.StartAsync(ct);
        portal.Ports = [.. app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a).Port)];
        return portal;
    }

    /// <summary>host:port of the portal's n-th port, as a source's allowed_hosts writes it.</summary>
    public string Host(int port = 0) => $"127.0.0.1:{Ports[port]}";

    public Uri Url(string path, int port = 0) => new($"{scheme}://{Host(port)}{path}");

    public IReadOnlyList<Hit> HitsTo(string path) => [.. Hits.Where(h => h.Path == path)];

    public IReadOnlyList<Hit> HitsStartingWith(string prefix) => [.. Hits.Where(h => h.Path.StartsWith(prefix, StringComparison.Ordinal))];

    public ValueTask DisposeAsync() => app.DisposeAsync();
}

/// <summary>Settings that make the tests quick: delays of tens of milliseconds instead of seconds.</summary>
public static class Fast
{
    public const string UserAgent = "WarehouseBot/1.0 (+https://example.org/warehouse-bot)";

    public static FetcherOptions Options { get; } = new()
    {
        RetryBaseDelay = TimeSpan.FromMilliseconds(20),
        MaxRetryDelay = TimeSpan.FromMilliseconds(200),
    };

    /// <summary>A local test source's policy (the portal is on 127.0.0.1) for the given hosts.</summary>
    public static FetchPolicy Policy(params string[] hosts) => new()
    {
        UserAgent = UserAgent,
        AllowedHosts = hosts,
        MinDelay = TimeSpan.FromMilliseconds(50),
        AttemptTimeout = TimeSpan.FromSeconds(5),
        TotalTimeout = TimeSpan.FromSeconds(20),
        AllowPrivateAddresses = true,
    };

    /// <summary>Milliseconds between two Stopwatch timestamps.</summary>
    public static double Millis(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;
}
