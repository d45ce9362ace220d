using Spectre.Console;

namespace Warehouse.Cli;

/// <summary>A Spectre console writing to the command's output; wide enough for tables when that is a file or a pipe.</summary>
internal static class Terminal
{
    public static IAnsiConsole For(TextWriter output)
    {
        var redirected = !ReferenceEquals(output, Console.Out) || Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        });
        if (redirected) console.Profile.Width = 160;
        return console;
    }
}
