namespace Warehouse.Catalogue;

/// <summary>
/// The definitions of a folder of YAML files, one a file (a crawl source, a dashboard), each file
/// read on its own: a file with any mistake is left out of the definitions and its mistakes kept in
/// <see cref="Problems"/>, so that one bad file does not stop the others.
/// </summary>
public abstract class DefinitionCatalog<TDefinition, TProblem>
    where TDefinition : class
    where TProblem : DefinitionProblem
{
    protected DefinitionCatalog(string folder, (IReadOnlyList<TDefinition> Definitions, IReadOnlyList<TProblem> Problems) read)
    {
        Folder = folder;
        Definitions = read.Definitions;
        Problems = read.Problems;
    }

    public string Folder { get; }

    /// <summary>Mistakes in the folder's files; a file with any is left out.</summary>
    public IReadOnlyList<TProblem> Problems { get; }

    protected IReadOnlyList<TDefinition> Definitions { get; }

    /// <summary>
    /// Reads each file of a folder with <paramref name="read"/>. A definition read without a mistake
    /// may still be refused, with why, by <paramref name="refuse"/> (given it, its file and those taken
    /// so far: a name already used). A missing folder is the one problem <paramref name="noFolder"/>.
    /// </summary>
    protected static (IReadOnlyList<TDefinition> Definitions, IReadOnlyList<TProblem> Problems) ReadFolder(
        string folder,
        Func<string, (TDefinition? Definition, IReadOnlyList<TProblem> Problems)> read,
        TProblem noFolder,
        Func<TDefinition, string, IReadOnlyList<TDefinition>, TProblem?>? refuse = null)
    {
        if (!Directory.Exists(folder)) return ([], [noFolder]);
        var definitions = new List<TDefinition>();
        var problems = new List<TProblem>();
        foreach (var file in DefinitionFiles.In(folder))
        {
            var (definition, found) = read(file);
            problems.AddRange(found);
            if (definition is null) continue;
            if (refuse?.Invoke(definition, file, definitions) is { } refused)
            {
                problems.Add(refused);
                continue;
            }

            definitions.Add(definition);
        }

        return (definitions, problems);
    }
}

/// <summary>Where definitions are kept: the YAML files of a folder.</summary>
public static class DefinitionFiles
{
    /// <summary>The definition files of a folder (<c>*.yaml</c>, then <c>*.yml</c>), in ordinal order.</summary>
    public static IEnumerable<string> In(string folder) =>
        Directory.EnumerateFiles(folder, "*.yaml", SearchOption.TopDirectoryOnly)
            .Concat(Directory.EnumerateFiles(folder, "*.yml", SearchOption.TopDirectoryOnly))
            .Order(StringComparer.Ordinal);

    /// <summary>
    /// Whether a file of the dashboards folder is a scoring scheme (考核评分方案, <c>NAME.scheme.yaml</c>)
    /// rather than a workbook: a scheme sets points, not sheets, and is read by the register's assessment.
    /// </summary>
    public static bool IsScheme(string path) =>
        path.EndsWith(".scheme.yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".scheme.yml", StringComparison.OrdinalIgnoreCase);
}
