using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Warehouse.Export.Tests;

/// <summary>
/// A real SMTP server on 127.0.0.1 (Debian's python3-aiosmtpd, which tests/run installs) that
/// keeps each message it accepts as an .eml file, and can refuse or drop the first attempts.
/// </summary>
internal sealed class SmtpSink : IDisposable
{
    private readonly Process _process;
    private readonly DirectoryInfo _dir;

    private SmtpSink(Process process, int port, DirectoryInfo dir)
    {
        _process = process;
        Port = port;
        _dir = dir;
    }

    public int Port { get; }

    public IReadOnlyList<string> Messages => _dir.GetFiles("*.eml").OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => f.FullName).ToList();

    public static SmtpSink Start(int refuse = 0, int drop = 0)
    {
        // Debian's python3 has aiosmtpd; a python3 earlier on PATH (pyenv, a venv) may not.
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var port = FreePort();
        var dir = Directory.CreateTempSubdirectory("smtp-sink-");
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "Fixtures", "smtp_sink.py"), "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", dir.FullName,
                     "--refuse", refuse.ToString(System.Globalization.CultureInfo.InvariantCulture), "--drop", drop.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(a);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        var ready = process.StandardOutput.ReadLineAsync();
        if (!ready.Wait(TimeSpan.FromSeconds(20)) || ready.Result != "READY")
        {
            var error = process.StandardError.ReadToEnd();
            process.Kill(true);
            dir.Delete(recursive: true);
            throw new InvalidOperationException($"The SMTP sink did not start ({error.Trim()}); it needs python3-aiosmtpd: apt-get install python3-aiosmtpd (tests/run installs it).");
        }

        return new SmtpSink(process, port, dir);
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(true);
        _process.Dispose();
        if (_dir.Exists) _dir.Delete(recursive: true);
    }
}
