namespace Warehouse.Corpus;

public sealed record CorpusEntry(int Index, string Layout, string File, string ExpectedFile);

public sealed record CorpusManifest(string Directory, IReadOnlyList<CorpusEntry> Entries);
