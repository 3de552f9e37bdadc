using System.Collections.Frozen;
using System.Text.Json;

namespace HireVet.Application.ReferenceData.Contact;

/// <summary>
/// A set of email domains (disposable, free webmail...). <see cref="Contains"/> matches a domain or any parent of it
/// (a.b.mailinator.com is listed when mailinator.com is), case-insensitively; internationalised names are compared in
/// punycode. Files are a JSON array of strings (disposable-email-domains-js
/// <c>dist/dict/disposable_email_blocklist.json</c>, email-providers <c>all.json</c>) or plain text, one domain per
/// line with <c>#</c> comments. Instances are immutable and thread-safe.
/// </summary>
public sealed class DomainList
{
    private readonly FrozenSet<string> _domains;

    private DomainList(FrozenSet<string> domains, int sourceEntries)
    {
        _domains = domains;
        SourceEntries = sourceEntries;
    }

    public static DomainList Empty { get; } = new(FrozenSet<string>.Empty, 0);

    /// <summary>Distinct valid domains.</summary>
    public int Count => _domains.Count;

    /// <summary>Entries read, duplicates and unusable ones included.</summary>
    public int SourceEntries { get; }

    /// <summary>A JSON array of domain strings, or one domain a line with <c>#</c> comments; <paramref name="source"/>
    /// names it in error messages.</summary>
    public static DomainList ParseText(string text, string source)
    {
        var first = text.AsSpan().TrimStart();
        if (first.Length > 0 && first[0] == '[')
        {
            string?[] entries;
            try
            {
                entries = JsonSerializer.Deserialize<string?[]>(text) ?? [];
            }
            catch (JsonException e)
            {
                throw new FormatException($"{source}: expected a JSON array of domain strings ({e.Message}).", e);
            }

            return Parse(entries);
        }

        return Parse(text.Split('\n').Select(line => line.Split('#')[0]));
    }

    /// <summary>Builds a list from domain strings; blank entries, and entries that are not a bare domain (an email
    /// address, a URL, a name with spaces), are skipped.</summary>
    public static DomainList Parse(IEnumerable<string?> domains)
    {
        ArgumentNullException.ThrowIfNull(domains);
        var set = new HashSet<string>(StringComparer.Ordinal);
        var entries = 0;
        foreach (var entry in domains)
        {
            if (string.IsNullOrWhiteSpace(entry)) continue;
            entries++;
            if (entry.IndexOfAny(['@', '/', ':']) >= 0) continue; // an address or a URL, not a domain
            if (DomainNames.Normalize(entry) is { } domain) set.Add(domain);
        }

        return new DomainList(set.ToFrozenSet(StringComparer.Ordinal), entries);
    }

    /// <summary>True when the domain (or email address) or one of its parent domains is listed.</summary>
    public bool Contains(string? domain) => Match(domain) is not null;

    /// <summary>The listed entry that covers the domain (or email address): the domain itself or its nearest listed
    /// parent; null when none is listed or the input is not a domain.</summary>
    public string? Match(string? domain)
    {
        if (DomainNames.Normalize(domain) is not { } normalized) return null;
        return DomainNames.SelfAndParents(normalized).FirstOrDefault(_domains.Contains);
    }
}
