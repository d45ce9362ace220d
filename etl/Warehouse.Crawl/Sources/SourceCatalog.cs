namespace Warehouse.Crawl.Sources;

/// <summary>The sources of a folder of YAML files (<c>etl/sources/</c> by default, or <c>WAREHOUSE_SOURCES</c>).</summary>
public sealed class SourceCatalog
{
    public const string DefaultFolder = "etl/sources";

    private SourceCatalog(string folder, IReadOnlyList<Source> sources, IReadOnlyList<SourceProblem> problems)
    {
        Folder = folder;
        Sources = sources;
        Problems = problems;
    }

    public string Folder { get; }

    public IReadOnlyList<Source> Sources { get; }

    /// <summary>Mistakes in the folder's files; a file with any is left out of <see cref="Sources"/>.</summary>
    public IReadOnlyList<SourceProblem> Problems { get; }

    public static SourceCatalog Load(string folder)
    {
        if (!Directory.Exists(folder)) return new SourceCatalog(folder, [], [new SourceProblem(folder, 0, "no such folder of source files")]);

        var sources = new List<Source>();
        var problems = new List<SourceProblem>();
        var files = Directory.EnumerateFiles(folder, "*.yaml", SearchOption.TopDirectoryOnly)
            .Concat(Directory.EnumerateFiles(folder, "*.yml", SearchOption.TopDirectoryOnly))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var (source, found) = SourceReader.Read(file);
            problems.AddRange(found);
            if (source is null) continue;
            if (sources.FirstOrDefault(s => s.Name == source.Name) is { } twin)
            {
                problems.Add(new SourceProblem(file, 0, $"name '{source.Name}' is already used by {twin.File}"));
                continue;
            }

            sources.Add(source);
        }

        return new SourceCatalog(folder, sources, problems);
    }

    public Source? Find(string name) => Sources.FirstOrDefault(s => s.Name == name);
}
