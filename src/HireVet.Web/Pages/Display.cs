using System.Globalization;
using System.Text;
using HireVet.Application.Candidates;

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

    /// <summary>The machine-readable form for a &lt;time datetime&gt; attribute.</summary>
    public static string IsoTime(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

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
