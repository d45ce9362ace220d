using Spectre.Console;

namespace Warehouse.Cli;

/// <summary>A progress bar with rate and time left on a terminal; plain lines every few seconds in a log.</summary>
internal static class Progress
{
    public static async Task<T> RunAsync<T>(TextWriter output, string what, int total, Func<IProgress<int>, Task<T>> work)
    {
        if (!ReferenceEquals(output, Console.Out) || Console.IsOutputRedirected)
        {
            var last = DateTime.UtcNow;
            var reporter = new Progress<int>(done =>
            {
                if ((DateTime.UtcNow - last).TotalSeconds < 5 && done < total) return;
                last = DateTime.UtcNow;
                output.WriteLine($"{what}: {done}/{total}");
            });
            return await work(reporter);
        }

        T result = default!;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedlessRateColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(what, maxValue: total);
                var reporter = new Progress<int>(done => task.Value = done);
                result = await work(reporter);
                task.Value = total;
            });
        return result;
    }

    /// <summary>Items per second, for work that is not bytes.</summary>
    private sealed class TransferSpeedlessRateColumn : ProgressColumn
    {
        public override Spectre.Console.Rendering.IRenderable Render(Spectre.Console.Rendering.RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(task.Speed is { } s ? $"{s:0}/s" : "", Style.Plain);
    }
}
