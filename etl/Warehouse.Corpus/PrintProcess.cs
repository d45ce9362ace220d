using System.Diagnostics;

namespace Warehouse.Corpus;

/// <summary>Runs a page printer's process (wkhtmltopdf, WeasyPrint) for one page.</summary>
internal static class PrintProcess
{
    /// <summary>
    /// Runs <paramref name="program"/> with <paramref name="args"/> (the page's file second to last) and returns its exit code and
    /// standard error; the process is killed after <paramref name="timeout"/>.
    /// </summary>
    /// <param name="name">The printer's name for messages ("wkhtmltopdf").</param>
    /// <exception cref="PagePrintException">The program did not start, or timed out.</exception>
    public static async Task<(int Code, string Stderr)> RunAsync(string name, string program, List<string> args, TimeSpan timeout, CancellationToken ct)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new PagePrintException($"{name}（{program}）未能启动（{e.Message.Trim()}），网页没有打印成 PDF。{name} at {program} did not start, so no page was printed.", e);
        }

        using (process)
        {
            using var cancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
            cancel.CancelAfter(timeout);
            try
            {
                var stderr = process.StandardError.ReadToEndAsync(cancel.Token);
                await process.StandardOutput.ReadToEndAsync(cancel.Token);
                await process.WaitForExitAsync(cancel.Token);
                return (process.ExitCode, await stderr);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                throw new PagePrintException($"{name} 打印网页超时（{args[^2]}）。{name} timed out printing {args[^2]}.", new TimeoutException());
            }
        }
    }
}
