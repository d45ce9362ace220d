using Warehouse.Corpus;

[assembly: AssemblyFixture(typeof(Warehouse.SamplePortal.Tests.TestCorpus))]

namespace Warehouse.SamplePortal.Tests;

/// <summary>
/// A small corpus for every test of the run: HTML of both styles, DOCX, and text (which the portal
/// must leave out). No PDF: it needs LibreOffice and takes seconds. Written once per generator
/// build and reused by later runs.
/// </summary>
public sealed class TestCorpus : IAsyncLifetime
{
    public const int Count = 60;
    public const int Seed = 4242;

    public static IReadOnlyList<string> Layouts { get; } = [Corpus.Layouts.HtmlTrs, Corpus.Layouts.HtmlHanwebGbk, Corpus.Layouts.Docx, Corpus.Layouts.TextTab];

    public string Directory { get; private set; } = "";

    public CorpusManifest Manifest { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var generator = typeof(CorpusWriter).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..12];
        Directory = Path.Combine(Path.GetTempPath(), "warehouse-sample-portal-corpus", $"{Seed}-{Count}-{generator}");
        if (!File.Exists(Path.Combine(Directory, "manifest.json")))
        {
            // Written aside and moved into place, so a run that stops halfway leaves nothing that looks whole.
            var temp = $"{Directory}.partial-{Environment.ProcessId}";
            if (System.IO.Directory.Exists(temp)) System.IO.Directory.Delete(temp, true);
            await new CorpusWriter().WriteAsync(temp, new CorpusOptions(Count, Seed, Layouts), null, CancellationToken.None);
            if (!File.Exists(Path.Combine(Directory, "manifest.json"))) System.IO.Directory.Move(temp, Directory);
        }

        Manifest = new CorpusManifest(Directory, Enumerable.Range(0, Count)
            .Select(i => (Index: i, Layout: Layouts[i % Layouts.Count]))
            .Select(x => new CorpusEntry(x.Index, x.Layout, $"{x.Index:D5}.{Corpus.Layouts.Extension(x.Layout)}", $"{x.Index:D5}.expected.json"))
            .ToList());
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
