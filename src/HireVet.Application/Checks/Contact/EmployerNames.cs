using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace HireVet.Application.Checks.Contact;

/// <summary>Company names reduced to a comparison key, so that a reference's employer can be found in the work history:
/// "Acme Corp", "ACME Corporation" and "Acme, Inc." all become "acme". Lower case, accents and punctuation removed,
/// "&amp;" read as "and", a leading "the" and trailing legal forms (Inc, LLC, Ltd, Corp, GmbH, Co. Ltd, Pty Ltd, S.A.,
/// K.K....) dropped.</summary>
public static class EmployerNames
{
    private static readonly FrozenSet<string> LegalForms = FrozenSet.ToFrozenSet(
        ["ab", "ag", "as", "bhd", "bv", "co", "company", "corp", "corporation", "gk", "gmbh", "inc", "incorporated", "kk", "limited",
         "llc", "llp", "lp", "ltd", "nv", "oy", "plc", "pte", "pty", "pvt", "private", "sa", "sarl", "sas", "sdn", "spa", "srl"],
        StringComparer.Ordinal);

    /// <summary>The comparison key, words separated by single spaces; null when nothing is left.</summary>
    public static string? Key(string? name)
    {
        var words = Words(name);
        while (words.Count > 1 && LegalForms.Contains(words[^1])) words.RemoveAt(words.Count - 1);
        return words.Count == 0 ? null : string.Join(' ', words);
    }

    /// <summary>The forms of the name a domain label could be made of: the key and the whole name, each without
    /// spaces ("Acme Corp" → acme, acmecorp). Forms shorter than three characters are left out.</summary>
    public static IReadOnlyList<string> LabelForms(string? name)
    {
        var key = Key(name)?.Replace(" ", "", StringComparison.Ordinal);
        var whole = string.Concat(Words(name));
        return new[] { key, whole }.OfType<string>().Where(f => f.Length >= 3).Distinct().ToArray();
    }

    private static List<string> Words(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return [];
        var text = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormKD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '.' or '\'' or '’') continue;
            if (c == '&') text.Append(" and ");
            else text.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }

        var words = text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 1 && words[0] == "the") words.RemoveAt(0);
        return words;
    }
}
