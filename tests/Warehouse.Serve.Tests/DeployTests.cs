using Microsoft.Extensions.Configuration;
using Shouldly;
using Warehouse.Jobs;
using YamlDotNet.RepresentationModel;

namespace Warehouse.Serve.Tests;

/// <summary>What can be checked of deploy/ without Docker or systemd here: the files parse and say what they must.</summary>
public sealed class DeployTests
{
    private static string Deploy(string name) => Path.Combine(Repo.Root, "deploy", name);

    [Fact]
    public void The_compose_file_has_SQL_Server_two_serve_replicas_sharing_its_queue_and_a_mail_catcher()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Deploy("compose.yaml"))));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var services = (YamlMappingNode)root["services"];
        var names = services.Children.Keys.Select(k => ((YamlScalarNode)k).Value).ToList();
        names.ShouldBe(["sqlserver", "serve-a", "serve-b", "smtp"], ignoreOrder: true);
        ((YamlScalarNode)((YamlMappingNode)services["sqlserver"])["image"]).Value!.ShouldStartWith("mcr.microsoft.com/mssql/server:2022");

        // Both replicas come from the same anchor: the same image, the same queue on SQL Server.
        var serve = (YamlMappingNode)root["x-serve"];
        var env = ((YamlMappingNode)serve["environment"]).Children.ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!, kv => ((YamlScalarNode)kv.Value).Value!);
        env["WAREHOUSE_JOBS_STORAGE"].ShouldBe("sqlserver");
        env["WAREHOUSE_DB"].ShouldStartWith("Server=sqlserver;");
        env["WAREHOUSE_SMTP_HOST"].ShouldBe("smtp");
        env.Keys.ShouldBeSubsetOf(WarehouseSettings.All.Select(s => s.Environment));
        env.Keys.ShouldContain("WAREHOUSE_DASHBOARD_PASSWORD_HASH", "the replicas listen on every interface, so the dashboard must ask for credentials");
        File.ReadAllText(Deploy("compose.yaml")).Split("<<: *serve").Length.ShouldBe(3);
    }

    [Fact]
    public void The_systemd_unit_runs_serve_with_the_settings_file_and_restarts_on_failure()
    {
        var sections = new Dictionary<string, Dictionary<string, List<string>>>();
        Dictionary<string, List<string>>? current = null;
        foreach (var raw in File.ReadAllLines(Deploy("warehouse.service")))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                sections[line[1..^1]] = current = [];
                continue;
            }

            var eq = line.IndexOf('=', StringComparison.Ordinal);
            eq.ShouldBeGreaterThan(0, $"'{line}' is not KEY=VALUE");
            current.ShouldNotBeNull($"'{line}' comes before any [section]");
            var key = line[..eq];
            if (!current.TryGetValue(key, out var values)) current[key] = values = [];
            values.Add(line[(eq + 1)..]);
        }

        sections.Keys.ShouldBe(["Unit", "Service", "Install"]);
        sections["Service"]["ExecStart"].ShouldHaveSingleItem().ShouldContain("warehouse.dll serve --config /etc/warehouse/warehouse.json");
        sections["Service"]["Restart"].ShouldBe(["on-failure"]);
        sections["Service"]["User"].ShouldBe(["warehouse"]);
        sections["Install"]["WantedBy"].ShouldBe(["multi-user.target"]);
    }

    [Fact]
    public void The_Dockerfile_builds_with_the_SDK_and_runs_on_the_ASP_NET_runtime_with_a_CJK_font()
    {
        var lines = File.ReadAllLines(Deploy("Dockerfile"));
        lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ShouldBe(["FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build", "FROM mcr.microsoft.com/dotnet/aspnet:10.0"]);
        lines.ShouldContain(l => l.Contains("fonts-noto-cjk", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith("CMD [\"serve\"]", StringComparison.Ordinal));
    }

    [Fact]
    public void The_example_settings_file_is_read_without_a_mistake()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Deploy("warehouse.json")).AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Warehouse:Smtp:Host"] = "smtp.example.gov.cn",
            ["Warehouse:Sources"] = Path.Combine(Repo.Root, "etl", "sources"),
        }).Build();
        var o = ServeOptions.From(configuration);
        o.Digests.Select(d => d.Name).ShouldBe(["leadership-monthly", "supervisors-weekly"]);
        o.TimeZone.BaseUtcOffset.ShouldBe(TimeSpan.FromHours(8));
    }
}
