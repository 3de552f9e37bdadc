using System.Globalization;
using System.Text;
using HireVet.Application.Checks;
using HireVet.Application.Dossiers;

namespace HireVet.Web.Pages;

/// <summary>Small formatting helpers shared by the pages. Everything they return is plain text: Razor encodes it.</summary>
public static class Display
{
    /// <summary>"pending_vetting" → "pending vetting".</summary>
    public static string Words(string? code) => string.IsNullOrEmpty(code) ? "" : code.Replace('_', ' ');

    /// <summary>"bankCountry" → "bank country" (evidence keys are camelCase JSON names).</summary>
    public static string Label(string key)
    {
        var text = new StringBuilder(key.Length + 8);
        for (var i = 0; i < key.Length; i++)
        {
            if (i > 0 && char.IsUpper(key[i]) && !char.IsUpper(key[i - 1])) text.Append(' ');
            text.Append(char.ToLowerInvariant(key[i]));
        }
        return Words(text.ToString());
    }

    /// <summary>Timestamps are shown in UTC so that reviewers in different places read the same time.</summary>
    public static string Time(DateTimeOffset? at) =>
        at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "";

    /// <summary>To the second, for the scheduler's fire and check-in times, which are seconds apart.</summary>
    public static string TimeToSecond(DateTimeOffset? at) =>
        at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) : "";

    /// <summary>A count with thousands separated: 1,111,872.</summary>
    public static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>The machine-readable form for a &lt;time datetime&gt; attribute.</summary>
    public static string IsoTime(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A cron expression with seconds first in words for the shapes HireVet uses: "0 0 2 * * ?" → "every day
    /// at 02:00", "0 0 3 ? * SUN" → "every Sunday at 03:00", "0 * * * * ?" → "every minute". Null for anything else: the
    /// page then shows the expression alone.</summary>
    public static string? CronInWords(string? cron)
    {
        var f = cron?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (f.Length is < 6 or > 7 || f[4] != "*" || f.Length == 7 && f[6] != "*") return null;
        static bool Any(string field) => field is "*" or "?";
        if (f[0] == "0" && f[1] == "*" && f[2] == "*" && Any(f[3]) && Any(f[5])) return "every minute";
        if (!int.TryParse(f[0], CultureInfo.InvariantCulture, out var s) || !int.TryParse(f[1], CultureInfo.InvariantCulture, out var m)
            || !int.TryParse(f[2], CultureInfo.InvariantCulture, out var h)) return null;
        var at = s == 0 ? FormattableString.Invariant($"{h:00}:{m:00}") : FormattableString.Invariant($"{h:00}:{m:00}:{s:00}");
        if (Any(f[3]) && Any(f[5])) return $"every day at {at}";
        return f[3] == "?" && Weekdays.TryGetValue(f[5], out var day) ? $"every {day} at {at}" : null;
    }

    private static readonly Dictionary<string, string> Weekdays = new(StringComparer.OrdinalIgnoreCase)
    {
        ["SUN"] = "Sunday", ["MON"] = "Monday", ["TUE"] = "Tuesday", ["WED"] = "Wednesday", ["THU"] = "Thursday", ["FRI"] = "Friday", ["SAT"] = "Saturday",
        ["1"] = "Sunday", ["2"] = "Monday", ["3"] = "Tuesday", ["4"] = "Wednesday", ["5"] = "Thursday", ["6"] = "Friday", ["7"] = "Saturday",
    };

    /// <summary>"every 5 seconds", "every minute", "every 2 hours".</summary>
    public static string Every(TimeSpan interval) => interval switch
    {
        { TotalHours: >= 1 } when interval.TotalHours % 1 == 0 => Count((int)interval.TotalHours, "hour"),
        { TotalMinutes: >= 1 } when interval.TotalMinutes % 1 == 0 => Count((int)interval.TotalMinutes, "minute"),
        _ => Count((int)Math.Round(interval.TotalSeconds), "second"),
    };

    private static string Count(int n, string unit) => n == 1 ? $"every {unit}" : $"every {n} {unit}s";

    /// <summary>How long something has waited, in its largest unit: "12 minutes", "5 hours", "3 days".</summary>
    public static string Waited(TimeSpan waited) => waited switch
    {
        { TotalDays: >= 1 } => Wording.Plural((int)waited.TotalDays, "day", "days"),
        { TotalHours: >= 1 } => Wording.Plural((int)waited.TotalHours, "hour", "hours"),
        { TotalMinutes: >= 1 } => Wording.Plural((int)waited.TotalMinutes, "minute", "minutes"),
        _ => "under a minute",
    };

    /// <summary>Only the last four characters of an account number, IBAN or wallet address.</summary>
    public static string Masked(string? secret) =>
        string.IsNullOrEmpty(secret) ? "" : secret.Length <= 4 ? secret : "ending " + secret[^4..];

    /// <summary>A CSS class name from a status or band code (codes are lower-case letters and underscores).</summary>
    public static string Css(string? code) => string.IsNullOrEmpty(code) ? "none" : code.Replace('_', '-');

    /// <summary>An address on one line: "18 Juniper Lane, Austin, TX 78704, US".</summary>
    public static string Address(PostalAddress? a)
    {
        if (a is null) return "";
        var regionAndCode = string.Join(' ', new[] { a.Region, a.PostalCode }.Where(p => !string.IsNullOrWhiteSpace(p)));
        return string.Join(", ", new[] { a.Line1, a.Line2, a.City, regionAndCode, a.Country }.Where(p => !string.IsNullOrWhiteSpace(p)));
    }
}
