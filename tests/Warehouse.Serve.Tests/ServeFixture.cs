using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Warehouse.Corpus;
using Warehouse.Jobs;
using Warehouse.SamplePortal;

namespace Warehouse.Serve.Tests;

/// <summary>
/// A sample portal with two sites, a source file for each (scheduled), and a temporary folder
/// for the warehouse; hosts are built per test from settings, on a free loopback port.
/// </summary>
public sealed class ServeFixture : IAsyncLifetime
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("serve-");

    public SamplePortal.SamplePortal Portal { get; private set; } = null!;

    public string Folder => _dir.FullName;

    public string Sources => Path.Combine(Folder, "sources");

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var corpus = Path.Combine(Folder, "corpus");
        await new CorpusWriter().WriteAsync(corpus, new CorpusOptions(40, 5, [Layouts.HtmlTrs, Layouts.HtmlHanwebGbk], 0, new Panel(2023, 2)), null, ct);
        Portal = await SamplePortal.SamplePortal.StartAsync(new SamplePortalOptions(corpus, Sites: 2, PageSize: 10), ct);
        Directory.CreateDirectory(Sources);
        foreach (var site in Portal.Sites)
        {
            await File.WriteAllTextAsync(Path.Combine(Sources, $"site-{site.Index}.yaml"), site.SourceYaml(TimeSpan.FromMilliseconds(10), "30 2 * * *"), ct);
        }
    }

    /// <summary>Settings for a host of its own: a fresh warehouse file, jobs in memory, a free port.</summary>
    public IConfiguration Settings(params (string Key, string? Value)[] more)
    {
        var values = new Dictionary<string, string?>
        {
            ["Warehouse:Database"] = Path.Combine(Folder, $"w-{Guid.NewGuid():N}.db"),
            ["Warehouse:Sources"] = Sources,
            ["Warehouse:Dashboards"] = Path.Combine(Repo.Root, "dashboards"),
            ["Warehouse:Urls"] = $"http://127.0.0.1:{FreePort()}",
            ["Warehouse:Jobs:PollSeconds"] = "1",
        };
        foreach (var (k, v) in more) values[k] = v;
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    public static async Task<WebApplication> StartAsync(ServeOptions options)
    {
        var app = ServeHost.Build(options);
        ServeHost.Schedule(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }

    /// <summary>Waits (a minute at most) until <paramref name="value"/> gives something, and returns it.</summary>
    public static async Task<string> UntilAsync(Func<string?> value)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (value() is { } v) return v;
            if (waited.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException("Hangfire did not get there within 60 s.");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    public static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await Portal.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _dir.Delete(recursive: true);
    }
}

internal static class Repo
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Warehouse.sln"))) return d.FullName;
        }

        throw new InvalidOperationException("Warehouse.sln not found above the test binaries.");
    }
}
