using System.CommandLine;
using System.Text.RegularExpressions;

namespace Warehouse.Cli;

/// <summary>
/// A usage mistake in words a user reads: the option and the value it takes ("--limit 的值应为
/// 整数"), never a .NET type name; an unknown command or option with the nearest one ("您是不是要
/// 输入 status？"). Chinese first, the English after it. System.CommandLine's own messages (English,
/// the only resources shipped) are recognised by their form and said again.
/// </summary>
internal static partial class Usage
{
    /// <summary>
    /// One sentence per parse error. An unknown command or option is the mistake to name: the
    /// errors it causes (a missing command, its value taken for an extra argument) are left out.
    /// </summary>
    public static IEnumerable<string> Explain(System.CommandLine.ParseResult parsed)
    {
        var messages = parsed.Errors.Select(e => e.Message).ToList();
        var unknown = messages.Where(m => Unrecognised().Match(m) is { Success: true } u && (u.Groups[1].Value.StartsWith('-') || parsed.CommandResult.Command.Subcommands.Count > 0)).ToList();
        var shown = unknown.Count == 0 ? messages : unknown;
        return shown.Select(m => Explain(parsed.CommandResult.Command, m)).Distinct();
    }

    /// <summary>The sentence for one of System.CommandLine's messages, in the context of <paramref name="command"/>.</summary>
    public static string Explain(Command command, string message)
    {
        if (CannotParse().Match(message) is { Success: true } p)
        {
            var (value, name, type) = (p.Groups[1].Value, p.Groups[2].Value, p.Groups[3].Value);
            var option = Find(command, name);
            var words = ValueWords(type, option);
            return $"{name} 的值应为{words.Chinese}，「{value}」不是。{name} takes {words.English}, not '{value}'.";
        }

        if (MissingValue().Match(message) is { Success: true } v)
        {
            var name = v.Groups[1].Value;
            var option = Find(command, name);
            var words = ValueWords(option?.ValueType.ToString() ?? "", option);
            return $"{name} 后面要写{words.Chinese}。{name} needs {words.English} after it.";
        }

        if (Required().Match(message) is { Success: true } r)
        {
            var name = r.Groups[1].Value;
            var option = Find(command, name);
            return $"缺少 {name} {option?.HelpName ?? ""}：{option?.Description ?? ""} {name} is required.".Replace("  ", " ", StringComparison.Ordinal);
        }

        if (MissingArgument().Match(message) is { Success: true } a)
        {
            var argument = command.Arguments.FirstOrDefault(x => x.Name == a.Groups[1].Value);
            return $"{command.Name} 后面要写 {a.Groups[1].Value}：{argument?.Description ?? ""} {command.Name} needs {a.Groups[1].Value}.";
        }

        if (message.StartsWith("Required command was not provided", StringComparison.Ordinal))
        {
            var names = string.Join("、", command.Subcommands.Select(s => s.Name));
            return $"{(command is RootCommand ? "" : command.Name + " ")}后面要写一个命令：{names}。A command is needed: {names.Replace("、", ", ", StringComparison.Ordinal)}.";
        }

        if (Unrecognised().Match(message) is { Success: true } u)
        {
            var token = u.Groups[1].Value;
            if (token.StartsWith('-'))
            {
                var near = Words.Nearest(token, command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)), 1);
                return $"{Where(command)}没有选项 {token}{(near.Count == 0 ? "。" : $"，您是不是要输入 {near[0]}？")}Unknown option {token}{(near.Count == 0 ? "" : $" (did you mean {near[0]}?)")}.";
            }

            if (command.Subcommands.Count > 0)
            {
                var near = Words.Nearest(token, command.Subcommands.Select(s => s.Name), 1);
                return $"没有命令「{token}」{(near.Count == 0 ? "。" : $"，您是不是要输入 {near[0]}？")}Unknown command '{token}'{(near.Count == 0 ? "" : $" (did you mean {near[0]}?)")}.";
            }

            return $"{Where(command)}多了一个参数「{token}」。Unexpected argument '{token}'.";
        }

        if (SingleValue().Match(message) is { Success: true } s)
        {
            return $"{s.Groups[1].Value} 只能写一个值，却写了 {s.Groups[2].Value} 个。{s.Groups[1].Value} takes one value, not {s.Groups[2].Value}.";
        }

        return message;
    }

    /// <summary>The value an option takes, in words: "整数（N）" / "a whole number (N)".</summary>
    private static (string Chinese, string English) ValueWords(string type, Option? option)
    {
        var name = option?.HelpName is { Length: > 0 } h ? h : null;
        var (chinese, english) = type switch
        {
            _ when option?.Name is "--year" => ("一个年份，如 2023", "a year such as 2023"),
            _ when type.Contains("Int", StringComparison.Ordinal) => ("整数", "a whole number"),
            _ when type.Contains("Decimal", StringComparison.Ordinal) || type.Contains("Double", StringComparison.Ordinal) => ("数字", "a number"),
            _ when type.Contains("Boolean", StringComparison.Ordinal) => ("true 或 false", "true or false"),
            _ when type.Contains("Date", StringComparison.Ordinal) => ("日期，如 2024-01-31", "a date such as 2024-01-31"),
            _ => ("一个值", "a value"),
        };
        return name is null || option?.Name is "--year" ? (chinese, english) : ($"{chinese}（{name}）", $"{english} ({name})");
    }

    private static Option? Find(Command command, string name)
    {
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            var o = c.Options.FirstOrDefault(x => x.Name == name || x.Aliases.Contains(name));
            if (o is not null) return o;
        }

        return null;
    }

    private static string Where(Command command) => command is RootCommand ? "" : $"{command.Name} ";

    [GeneratedRegex(@"^Cannot parse argument '(.*)' for (?:option|command) '(.*)' as expected type '(.*?)'\.")]
    private static partial Regex CannotParse();

    [GeneratedRegex(@"^Required argument missing for option: '(.*)'\.")]
    private static partial Regex MissingValue();

    [GeneratedRegex(@"^Option '(.*)' is required\.")]
    private static partial Regex Required();

    [GeneratedRegex(@"^Required argument '(.*)' missing for command: '(.*)'\.")]
    private static partial Regex MissingArgument();

    [GeneratedRegex(@"^Unrecognized command or argument '(.*)'\.")]
    private static partial Regex Unrecognised();

    [GeneratedRegex(@"^Option '(.*)' expects a single argument but (\d+) were provided\.")]
    private static partial Regex SingleValue();
}
