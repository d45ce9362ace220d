namespace Warehouse.Catalogue;

/// <summary>A mistake in a definition file (a source, a dashboard), at its line; line 0 is the file as a whole.</summary>
public abstract record DefinitionProblem(string File, int Line, string Message)
{
    public sealed override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}
