using Warehouse.Catalogue;

namespace Warehouse.Crawl.Sources;

/// <summary>The sources of a folder of YAML files (<c>etl/sources/</c> by default, or <c>WAREHOUSE_SOURCES</c>).</summary>
public sealed class SourceCatalog : DefinitionCatalog<Source, SourceProblem>
{
    public const string DefaultFolder = "etl/sources";

    private SourceCatalog(string folder)
        : base(folder, ReadFolder(folder, SourceReader.Read, new SourceProblem(folder, 0, "no such folder of source files"), Twin))
    {
    }

    /// <summary>The sources read without a mistake; see <see cref="DefinitionCatalog{TDefinition, TProblem}.Problems"/> for the others.</summary>
    public IReadOnlyList<Source> Sources => Definitions;

    public static SourceCatalog Load(string folder) => new(folder);

    public Source? Find(string name) => Sources.FirstOrDefault(s => s.Name == name);

    private static SourceProblem? Twin(Source source, string file, IReadOnlyList<Source> taken) =>
        taken.FirstOrDefault(s => s.Name == source.Name) is { } twin ? new SourceProblem(file, 0, $"name '{source.Name}' is already used by {twin.File}") : null;
}
