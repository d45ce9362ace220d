using Spectre.Console;

namespace Warehouse.Cli;

/// <summary>A progress bar with rate and time left on a terminal; plain lines every few seconds in a log.</summary>
internal static class Progress
{
    public static Task<T> RunAsync<T>(TextWriter output, string what, int total, Func<IProgress<int>, Task<T>> work) =>
        RunAsync<T>(output, what, progress => work(new Relay(done => progress.Report((done, total)))));

    /// <summary>For work that learns its total as it goes: it reports (done, total).</summary>
    public static async Task<T> RunAsync<T>(TextWriter output, string what, Func<IProgress<(int Done, int Total)>, Task<T>> work)
    {
        if (!ReferenceEquals(output, Console.Out) || Console.IsOutputRedirected)
        {
            var last = TimeProvider.System.GetTimestamp();
            var reporter = new SynchronousProgress(p =>
            {
                if (TimeProvider.System.GetElapsedTime(last).TotalSeconds < 5 && p.Done < p.Total) return;
                last = TimeProvider.System.GetTimestamp();
                output.WriteLine($"{what}: {p.Done}/{p.Total}");
            });
            return await work(reporter);
        }

        T result = default!;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedlessRateColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(what, maxValue: 1);
                var reporter = new SynchronousProgress(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                });
                result = await work(reporter);
                task.Value = task.MaxValue;
            });
        return result;
    }

    private sealed class Relay(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }

    // Progress<T> posts to the thread pool, so lines could arrive after the summary; report in place instead.
    private sealed class SynchronousProgress(Action<(int Done, int Total)> report) : IProgress<(int Done, int Total)>
    {
        private readonly Lock _gate = new();

        public void Report((int Done, int Total) value)
        {
            lock (_gate) report(value);
        }
    }

    /// <summary>Items per second, for work that is not bytes.</summary>
    private sealed class TransferSpeedlessRateColumn : ProgressColumn
    {
        public override Spectre.Console.Rendering.IRenderable Render(Spectre.Console.Rendering.RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(task.Speed is { } s ? $"{s:0}/s" : "", Style.Plain);
    }
}
