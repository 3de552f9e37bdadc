using System.Collections.Frozen;
using System.Globalization;

namespace HireVet.Application.ReferenceData.Contact;

/// <summary>
/// Domain-name helpers for the contact checks: normalisation, the domain of an email address, and a registrable
/// domain split. The split is a heuristic, not the Public Suffix List: the suffix is the top-level label, or the last
/// two labels when a two-letter country TLD is preceded by a generic second level (co.uk, com.au, co.jp, ne.jp, or.kr,
/// com.cn, gov.uk...). It is right for ordinary company and mail domains; it knows nothing of private suffixes
/// (github.io, dynv6.net), which only matters for comparing two such hosts with each other.
/// </summary>
public static class DomainNames
{
    private static readonly FrozenSet<string> SecondLevels = FrozenSet.ToFrozenSet(
        ["ac", "biz", "co", "com", "edu", "firm", "gen", "go", "gob", "gouv", "gov", "gv", "ind", "info", "int", "ltd", "mil",
         "ne", "net", "nic", "nom", "or", "org", "plc", "sch", "web"], StringComparer.Ordinal);

    private static readonly IdnMapping Idn = new();

    /// <summary>
    /// Lower-case ASCII (punycode for internationalised names) without a trailing dot; a URL or an email address is
    /// reduced to its host ("https://www.acme.com/about" → www.acme.com, "jane@acme.com" → acme.com). Null when the
    /// result is not a host name of at least two labels of letters, digits and hyphens.
    /// </summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        var host = input.Trim();
        var scheme = host.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0) host = host[(scheme + 3)..];
        var end = host.IndexOfAny(['/', '?', '#']);
        if (end >= 0) host = host[..end];
        var at = host.LastIndexOf('@');
        if (at >= 0) host = host[(at + 1)..];
        var colon = host.IndexOf(':');
        if (colon >= 0) host = host[..colon];
        host = host.Trim().TrimEnd('.');
        if (host.Length == 0) return null;

        if (!host.All(char.IsAscii))
        {
            try { host = Idn.GetAscii(host); }
            catch (ArgumentException) { return null; }
        }

        host = host.ToLowerInvariant();
        var labels = host.Split('.');
        if (labels.Length < 2 || host.Length > 253) return null;
        foreach (var label in labels)
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-') return null;
            if (!label.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')) return null;
        }

        return host;
    }

    /// <summary>The normalised domain after the last "@" of an email address; null without one.</summary>
    public static string? OfEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) return null;
        var at = email.LastIndexOf('@');
        return at <= 0 || at == email.Length - 1 ? null : Normalize(email[(at + 1)..]);
    }

    /// <summary>The public suffix of a normalised domain under the heuristic above: "com", "co.uk", "co".</summary>
    public static string SuffixOf(string domain)
    {
        var labels = domain.Split('.');
        if (labels.Length >= 3 && labels[^1].Length == 2 && SecondLevels.Contains(labels[^2])) return $"{labels[^2]}.{labels[^1]}";
        return labels[^1];
    }

    /// <summary>The label just left of the public suffix ("acme" in mail.acme.co.uk) and the suffix ("co.uk").</summary>
    public static (string Label, string Suffix) Split(string domain)
    {
        var suffix = SuffixOf(domain);
        var rest = domain.Length > suffix.Length ? domain[..(domain.Length - suffix.Length - 1)] : "";
        var dot = rest.LastIndexOf('.');
        return (dot >= 0 ? rest[(dot + 1)..] : rest, suffix);
    }

    /// <summary>The registrable domain: label plus suffix ("acme.co.uk" for mail.acme.co.uk).</summary>
    public static string Registrable(string domain)
    {
        var (label, suffix) = Split(domain);
        return label.Length == 0 ? domain : $"{label}.{suffix}";
    }

    /// <summary>True when <paramref name="domain"/> is <paramref name="parent"/> or a subdomain of it.</summary>
    public static bool IsSameOrSubdomain(string domain, string parent) =>
        domain == parent || domain.EndsWith("." + parent, StringComparison.Ordinal);

    /// <summary>The domain and each parent of at least two labels: a.b.mailinator.com, b.mailinator.com, mailinator.com.</summary>
    public static IEnumerable<string> SelfAndParents(string domain)
    {
        var current = domain;
        while (true)
        {
            yield return current;
            var dot = current.IndexOf('.');
            if (dot < 0) yield break;
            var parent = current[(dot + 1)..];
            if (!parent.Contains('.')) yield break;
            current = parent;
        }
    }
}
