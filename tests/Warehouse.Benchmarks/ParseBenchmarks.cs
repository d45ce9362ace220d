using BenchmarkDotNet.Attributes;
using Warehouse.Corpus;
using Warehouse.Parsing;

namespace Warehouse.Benchmarks;

/// <summary>Parsing one report of each layout, from bytes in memory (no file access), on one thread.</summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private readonly ParseOptions _options = new();
    private List<ReadOnlyMemory<byte>> _documents = [];
    private int _next;

    [Params(Layouts.TextTab, Layouts.TextCell, Layouts.HtmlTrs, Layouts.HtmlHanwebGbk, Layouts.Docx, Layouts.Pdf)]
    public string Layout { get; set; } = Layouts.TextTab;

    [GlobalSetup]
    public void Setup()
    {
        var dir = Path.Combine(Path.GetTempPath(), "warehouse-bench-corpus", Layout);
        if (!File.Exists(Path.Combine(dir, "manifest.json")))
        {
            var pdf = Layout == Layouts.Pdf ? new SofficePdfConverter() : null;
            new CorpusWriter(pdf).WriteAsync(dir, new CorpusOptions(60, 7, [Layout]), null, CancellationToken.None).GetAwaiter().GetResult();
        }

        _documents = Directory.GetFiles(dir, "*." + Layouts.Extension(Layout)).Order().Select(f => (ReadOnlyMemory<byte>)File.ReadAllBytes(f)).ToList();
    }

    [Benchmark]
    public ParseResult ParseOneReport() => ReportParser.Default.Parse(_documents[_next++ % _documents.Count], _options);
}
