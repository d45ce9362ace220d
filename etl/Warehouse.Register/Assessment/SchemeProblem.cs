using Warehouse.Catalogue;

namespace Warehouse.Register.Assessment;

/// <summary>A mistake in a scoring scheme file, at its line.</summary>
public sealed record SchemeProblem(string File, int Line, string Message) : DefinitionProblem(File, Line, Message);
