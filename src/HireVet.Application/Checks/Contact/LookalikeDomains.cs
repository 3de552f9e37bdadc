using System.Collections.Frozen;
using System.Text;
using HireVet.Application.ReferenceData.Contact;

namespace HireVet.Application.Checks.Contact;

/// <summary>
/// Whether an email domain imitates an employer's domain (ID-08). Only the two names are compared; nothing is looked
/// up or fetched. The registrable domains (see <see cref="DomainNames"/>) must differ; then, on the label left of the
/// public suffix ("acme" in acme.co.uk):
/// <list type="bullet">
/// <item><see cref="Kinds.OtherSuffix"/>: the same label under another suffix (acme.co for acme.com);</item>
/// <item><see cref="Kinds.Homoglyph"/>: equal once look-alike characters are folded (rn→m, vv→w, cl→d, 0→o, 1→l) and
/// hyphens dropped (acrne.com, ac-me.com, micr0soft.com for microsoft.com);</item>
/// <item><see cref="Kinds.Typo"/>: a Damerau-Levenshtein (optimal string alignment) distance of at most 1 for labels of
/// 4-5 characters and at most 2 from 6 characters on (acmee.com, gooogle.com); labels of 3 characters or fewer are
/// too short for this rule (hp.com and hq.com are different companies);</item>
/// <item><see cref="Kinds.AddedWord"/>: the employer's label, or a misspelling of it within the typo allowance, with
/// words added by hyphens (acme-corp.co, acme-hr.com, stripee-pay.com),
/// or the employer's name run together when that is not the employer's label (acmecorp.com for "Acme Corp").</item>
/// </list>
/// </summary>
public static class LookalikeDomains
{
    public static class Kinds
    {
        public const string OtherSuffix = "same-name-other-suffix";
        public const string Homoglyph = "homoglyph";
        public const string Typo = "typo";
        public const string AddedWord = "added-word";
    }

    /// <summary>Country-code TLDs sold and used as generic ones (.co for ".com" typos, .io, .ai...), or a typo of .com
    /// themselves (.cm, .om). A company's regional site rarely lives there.</summary>
    private static readonly FrozenSet<string> GenericUseCountryTlds = FrozenSet.ToFrozenSet(
        ["ac", "ai", "am", "cc", "cf", "cm", "co", "fm", "ga", "gg", "gq", "io", "la", "ly", "me", "ml", "nu", "om", "sh", "tk", "to", "tv", "ws"],
        StringComparer.Ordinal);

    /// <summary>One imitation found. <paramref name="Distance"/> is the edit distance between the labels.</summary>
    public sealed record Finding(string Kind, string Description, int Distance)
    {
        /// <summary>The same label under a country's own suffix (acme.de or acme.co.uk for acme.com) is how companies
        /// name their regional domains, so it is the weakest kind; every other finding is strong.</summary>
        public bool MayBeRegionalDomain { get; init; }
    }

    /// <summary>The imitation of <paramref name="employerDomain"/> that <paramref name="domain"/> is, or null when it
    /// is the same registrable domain or no imitation. Both are normalised first (URLs and "www." are fine).</summary>
    public static Finding? Compare(string domain, string employerDomain, string? employerName = null)
    {
        if (DomainNames.Normalize(domain) is not { } candidate || DomainNames.Normalize(employerDomain) is not { } employer) return null;
        if (DomainNames.Registrable(candidate) == DomainNames.Registrable(employer)) return null;

        var (label, suffix) = DomainNames.Split(candidate);
        var (employerLabel, employerSuffix) = DomainNames.Split(employer);
        if (label.Length == 0 || employerLabel.Length == 0) return null;
        var distance = Distance(label, employerLabel);

        if (label == employerLabel)
        {
            var regional = IsCountrySuffix(suffix) && !GenericUseCountryTlds.Contains(suffix);
            return new Finding(Kinds.OtherSuffix, $"the same name under .{suffix} instead of .{employerSuffix}", 0) { MayBeRegionalDomain = regional };
        }

        var skeleton = Skeleton(label);
        var employerSkeleton = Skeleton(employerLabel);
        if (skeleton == employerSkeleton)
            return new Finding(Kinds.Homoglyph, $"\"{label}\" reads as \"{employerLabel}\" (look-alike characters or hyphens)", distance);

        var allowed = employerLabel.Length switch { <= 3 => 0, <= 5 => 1, _ => 2 };
        var skeletonDistance = Distance(skeleton, employerSkeleton);
        if (skeletonDistance <= allowed)
            return new Finding(Kinds.Typo, $"\"{label}\" is {Plural(skeletonDistance, "edit")} away from \"{employerLabel}\"", skeletonDistance);

        var words = label.Split('-', StringSplitOptions.RemoveEmptyEntries);
        if (employerLabel.Length >= 3 && words.Length > 1
            && words.Any(w => w == employerLabel || Distance(Skeleton(w), employerSkeleton) <= allowed))
            return new Finding(Kinds.AddedWord, $"\"{label}\" is \"{employerLabel}\" (or a misspelling of it) with words added", distance);

        var runTogether = label.Replace("-", "", StringComparison.Ordinal);
        if (EmployerNames.LabelForms(employerName).Any(f => f == runTogether && f != employerLabel))
            return new Finding(Kinds.AddedWord, $"\"{label}\" spells the employer's name \"{employerName}\" but is not its domain \"{employer}\"", distance);

        return null;
    }

    /// <summary>Lower-case label with hyphens dropped and look-alike characters folded.</summary>
    public static string Skeleton(string label)
    {
        var s = new StringBuilder(label.ToLowerInvariant())
            .Replace("-", "").Replace("rn", "m").Replace("vv", "w").Replace("cl", "d").Replace('0', 'o').Replace('1', 'l');
        return s.ToString();
    }

    /// <summary>Damerau-Levenshtein distance, optimal string alignment variant (adjacent transpositions count 1).</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) best = Math.Min(best, d[i - 2, j - 2] + 1);
                d[i, j] = best;
            }
        }

        return d[a.Length, b.Length];
    }

    private static bool IsCountrySuffix(string suffix) => suffix.Split('.')[^1].Length == 2;

    private static string Plural(int n, string word) => Wording.Plural(n, word, $"{word}s");
}
