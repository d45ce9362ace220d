using System.Xml.Linq;
using Shouldly;

namespace Warehouse.Cli.Tests;

/// <summary>
/// Dependencies point inward (docs/architecture.md): each etl project references exactly the
/// projects listed here, read from its .csproj. A new reference is a decision: make it here too.
/// </summary>
public sealed class DependencyTests
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Core"] = [],
        // Office reports a missing LibreOffice as the user's error (UserFacingException).
        ["Office"] = ["Core"],
        // Reading YAML definitions (sources, dashboards): YamlDotNet only.
        ["Catalogue"] = [],
        ["Parsing"] = ["Core"],
        ["Validation"] = ["Core"],
        ["Data"] = ["Core"],
        ["Corpus"] = ["Core", "Office"],
        // The loader keeps the register (报送台账) in step with every load.
        ["Load"] = ["Core", "Parsing", "Validation", "Data", "Office", "Register"],
        // The crawler sniffs each document's kind and decodes list pages as the parser does.
        ["Crawl"] = ["Core", "Catalogue", "Parsing", "Data", "Load"],
        ["Export"] = ["Core", "Catalogue", "Data"],
        ["Jobs"] = ["Data", "Load", "Crawl", "Export"],
        ["Serve"] = ["Jobs"],
        ["SamplePortal"] = ["Core", "Corpus"],
        // Benchmarks measure the stages and the serve host; only the CLI runs them.
        ["Bench"] = ["Core", "Parsing", "Validation", "Corpus", "Office", "Data", "Load", "Crawl", "SamplePortal", "Export", "Jobs", "Serve"],
        // The supervisor's register: the roster matched against the reports (folds names as the loader does);
        // 考核 reads its scoring scheme, a YAML file of dashboards/, as the other definitions are read.
        ["Register"] = ["Core", "Parsing", "Data", "Catalogue"],
        ["Cli"] = ["Core", "Parsing", "Validation", "Corpus", "Office", "Load", "Data", "Crawl", "SamplePortal", "Export", "Serve", "Bench", "Register"],
    };

    public static TheoryData<string> Projects() => new(ProjectNames());

    [Theory]
    [MemberData(nameof(Projects))]
    public void Each_etl_project_references_only_the_projects_its_layer_allows(string project)
    {
        Allowed.ShouldContainKey(project, $"etl/Warehouse.{project} is not in DependencyTests.Allowed: add it with the projects it may reference.");
        var references = References(project);

        var unexpected = references.Except(Allowed[project]).ToList();
        unexpected.ShouldBeEmpty($"Warehouse.{project} references {string.Join(", ", unexpected.Select(r => $"Warehouse.{r}"))}, which its layer does not allow (docs/architecture.md).");
        var missing = Allowed[project].Except(references).ToList();
        missing.ShouldBeEmpty($"Warehouse.{project} no longer references {string.Join(", ", missing.Select(r => $"Warehouse.{r}"))}: remove it from DependencyTests.Allowed.");
    }

    [Fact]
    public void Every_allowed_project_exists()
    {
        Allowed.Keys.Except(ProjectNames()).ShouldBeEmpty("DependencyTests.Allowed names projects that are not in etl/.");
    }

    private static IEnumerable<string> ProjectNames() =>
        Directory.GetDirectories(Path.Combine(Repo.Root, "etl"), "Warehouse.*").Select(d => Path.GetFileName(d)["Warehouse.".Length..]).Order();

    private static List<string> References(string project)
    {
        var csproj = XDocument.Load(Path.Combine(Repo.Root, "etl", $"Warehouse.{project}", $"Warehouse.{project}.csproj"));
        return csproj.Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/'))["Warehouse.".Length..])
            .ToList();
    }
}
