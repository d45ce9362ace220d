using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Warehouse.Crawl.Fetching;

/// <summary>Sizes, durations and statuses as the reasons of a <see cref="FetchResult"/> write them.</summary>
internal static partial class Describe
{
    public static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => Number(bytes / (1024.0 * 1024.0)) + " MB",
        >= 1024 => Number(bytes / 1024.0) + " KB",
        1 => "1 byte",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " bytes",
    };

    public static string Duration(TimeSpan t) => t switch
    {
        { TotalMilliseconds: < 1000 } => Number(Math.Round(t.TotalMilliseconds)) + " ms",
        { TotalSeconds: < 60 } => Number(t.TotalSeconds) + " s",
        { TotalMinutes: < 60 } when t.Seconds == 0 => Number(Math.Floor(t.TotalMinutes)) + " min",
        { TotalMinutes: < 60 } => $"{Number(Math.Floor(t.TotalMinutes))} min {t.Seconds} s",
        _ => Number(t.TotalHours) + " h",
    };

    /// <summary><c>503 Service Unavailable</c>: the server's reason phrase, or the status's name when it sent none (HTTP/2).</summary>
    public static string Status(HttpResponseMessage response)
    {
        var code = (int)response.StatusCode;
        var phrase = string.IsNullOrWhiteSpace(response.ReasonPhrase) ? Words(response.StatusCode) : response.ReasonPhrase.Trim();
        return string.IsNullOrEmpty(phrase) ? code.ToString(CultureInfo.InvariantCulture) : $"{code} {phrase}";
    }

    public static string Attempts(int n) => n == 1 ? "1 attempt" : $"{n} attempts";

    private static string Words(HttpStatusCode code) =>
        Enum.IsDefined(code) ? CamelHump().Replace(code.ToString(), " $1") : "";

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex CamelHump();
}
