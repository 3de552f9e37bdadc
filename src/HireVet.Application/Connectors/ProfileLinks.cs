using HireVet.Application.Dossiers;

namespace HireVet.Application.Connectors;

/// <summary>Turns the links an applicant-tracking system keeps for a candidate ("github.com/octocat", "mysite.com",
/// "https://www.linkedin.com/in/jane", "@handle") into dossier profiles. The kind comes from the host through
/// <see cref="Vocabulary.ProfileKinds"/> (github.com → github, linkedin.com → linkedin, twitter.com → other); a
/// site on any other host is a portfolio when the vendor calls it a personal site, portfolio or blog, else other.</summary>
internal static class ProfileLinks
{
    /// <summary>The kinds that name a developer profile, as opposed to a social network or someone's own site.</summary>
    private static readonly HashSet<string> DeveloperKinds = ["github", "gitlab", "linkedin", "stackoverflow"];

    /// <summary>A profile for a link or "@handle", or null when the value is neither.</summary>
    /// <param name="value">A URL with or without its scheme, or a handle written "@name".</param>
    /// <param name="websiteType">The vendor's type for a website (Greenhouse: personal, company, portfolio, blog,
    /// other), or null.</param>
    public static DeveloperProfile? From(string? value, string? websiteType = null)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        // A bare handle on a network the vendor does not name ("@ronaldronnie99999").
        if (text[0] == '@' && text.Length > 1 && !text.Any(c => c is '/' or ' ') && text.Length <= 101)
            return new DeveloperProfile { Kind = "other", Handle = text[1..] };
        var url = text.Contains("://", StringComparison.Ordinal) ? text : "https://" + text;
        if (url.Length > 500 || url.Any(char.IsWhiteSpace) || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https") || uri.HostNameType != UriHostNameType.Dns || !uri.Host.Contains('.'))
            return null;
        var kind = KindOfHost(uri.Host) ?? KindOfWebsite(websiteType);
        return new DeveloperProfile { Kind = kind, Url = url, Handle = HandleIn(kind, uri) };
    }

    /// <summary>The profile when the link is to GitHub, GitLab, LinkedIn or Stack Overflow, else null: for free-text
    /// answers, where only a developer profile is worth taking.</summary>
    public static DeveloperProfile? FromAnswer(string? value) =>
        value is not null && !value.Trim().StartsWith('@') && From(value) is { } p && DeveloperKinds.Contains(p.Kind!) ? p : null;

    /// <summary>The profiles without repeats (same URL or same handle), at most the 20 intake accepts; null when none.</summary>
    public static DeveloperProfile[]? Distinct(IEnumerable<DeveloperProfile?> profiles) => ConnectorJson.NullIfEmpty(profiles
        .OfType<DeveloperProfile>()
        .DistinctBy(p => (p.Url?.TrimEnd('/').ToLowerInvariant(), p.Url is null ? p.Handle?.ToLowerInvariant() : null))
        .Take(20));

    private static string? KindOfHost(string host)
    {
        var labels = host.ToLowerInvariant().TrimEnd('.').Split('.');
        if (labels.Length < 2) return null;
        var domain = labels[^2] + "." + labels[^1];
        // "github.com" → github; a .com network known only by name ("twitter.com", "x.com") → other. "github.io" is
        // someone's own site, not a GitHub profile, so only .com hosts are read by name.
        return Vocabulary.ProfileKinds.Canonical(domain)
            ?? (labels[^1] == "com" ? Vocabulary.ProfileKinds.Canonical(labels[^2]) : null);
    }

    private static string KindOfWebsite(string? type) =>
        type?.Trim().ToLowerInvariant() is "personal" ? "portfolio"
        : Vocabulary.ProfileKinds.Canonical(type) is "portfolio" ? "portfolio"
        : "other";

    /// <summary>The user name in a profile URL: github.com/{name}, gitlab.com/{name}, linkedin.com/in/{name}.</summary>
    private static string? HandleIn(string kind, Uri uri)
    {
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var handle = kind switch
        {
            "github" or "gitlab" when segments.Length >= 1 => segments[0],
            "linkedin" when segments.Length >= 2 && segments[0] == "in" => segments[1],
            _ => null,
        };
        return handle is { Length: > 0 and <= 100 } ? Uri.UnescapeDataString(handle) : null;
    }
}
