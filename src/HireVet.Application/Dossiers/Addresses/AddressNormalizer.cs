using System.Globalization;
using System.Text;

namespace HireVet.Application.Dossiers.Addresses;

/// <summary>
/// Canonicalises postal addresses so that two spellings of the same place compare equal
/// ("123 Main Street, Apt 4" and "123 main st. apartment 4").
/// </summary>
public static class AddressNormalizer
{
    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.Ordinal)
    {
        ["street"] = "st",
        ["avenue"] = "ave",
        ["road"] = "rd",
        ["boulevard"] = "blvd",
        ["drive"] = "dr",
        ["lane"] = "ln",
        ["court"] = "ct",
        ["place"] = "pl",
        ["apartment"] = "apt",
        ["suite"] = "ste",
        ["north"] = "n",
        ["south"] = "s",
        ["east"] = "e",
        ["west"] = "w",
        ["floor"] = "fl",
    };

    // Designators after which a '#' is just "number" and not a unit of its own: "Apt #4", "Suite #200".
    private static readonly HashSet<string> UnitDesignators = new(StringComparer.Ordinal) { "apt", "ste", "unit", "fl", "rm", "room" };

    public static string Normalize(string? line1, string? line2, string? city, string? region, string? postalCode, string? country)
    {
        var parts = new[]
        {
            NormalizeText(line1),
            NormalizeText(line2),
            NormalizeText(city),
            NormalizeText(region),
            NormalizePostalCode(postalCode),
            NormalizeCountry(country),
        };

        return string.Join(", ", parts.Where(part => part.Length > 0));
    }

    public static string Normalize(AddressParts address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return Normalize(address.Line1, address.Line2, address.City, address.Region, address.PostalCode, address.Country);
    }

    /// <summary>
    /// True when both addresses denote the same dwelling: countries and postal codes agree where both
    /// are given, line 1 is the same, and line 2 is the same or missing on one side.
    /// </summary>
    public static bool SamePlace(AddressParts a, AddressParts b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);

        if (!AgreeIfBothGiven(NormalizeCountry(a.Country), NormalizeCountry(b.Country), string.Equals))
        {
            return false;
        }

        var postalA = NormalizePostalCode(a.PostalCode);
        var postalB = NormalizePostalCode(b.PostalCode);
        if (!AgreeIfBothGiven(postalA, postalB, SamePostalCode))
        {
            return false;
        }

        // Without two postal codes the street line alone would match "1 Main St" in every town.
        if ((postalA.Length == 0 || postalB.Length == 0)
            && !AgreeIfBothGiven(NormalizeText(a.City), NormalizeText(b.City), string.Equals))
        {
            return false;
        }

        var line1A = NormalizeText(a.Line1);
        var line1B = NormalizeText(b.Line1);
        if (line1A.Length == 0 || line1B.Length == 0)
        {
            return false;
        }

        var line2A = NormalizeText(a.Line2);
        var line2B = NormalizeText(b.Line2);
        if (line1A == line1B && AgreeIfBothGiven(line2A, line2B, string.Equals))
        {
            return true;
        }

        // The unit may have been typed on line 1 by one person and on line 2 by the other.
        return Join(line1A, line2A) == Join(line1B, line2B);
    }

    private static bool AgreeIfBothGiven(string x, string y, Func<string, string, bool> same) =>
        x.Length == 0 || y.Length == 0 || same(x, y);

    private static string Join(string first, string second) =>
        second.Length == 0 ? first : first + " " + second;

    // ZIP+4 and plain ZIP are the same delivery area: "12345" vs "12345-6789".
    private static bool SamePostalCode(string x, string y)
    {
        if (x == y)
        {
            return true;
        }

        var (shorter, longer) = x.Length <= y.Length ? (x, y) : (y, x);
        return shorter.Length == 5 && longer.Length == 9
            && longer.All(char.IsAsciiDigit)
            && longer.StartsWith(shorter, StringComparison.Ordinal);
    }

    private static string NormalizePostalCode(string? postalCode)
    {
        if (string.IsNullOrWhiteSpace(postalCode))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(postalCode.Length);
        foreach (var c in RemoveDiacritics(postalCode))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }

    private static string NormalizeCountry(string? country)
    {
        if (string.IsNullOrWhiteSpace(country))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(country.Length);
        foreach (var c in country)
        {
            if (char.IsAsciiLetter(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }

    private static string NormalizeText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var tokens = new List<string>();
        var current = new StringBuilder();

        void Flush()
        {
            if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }

        foreach (var c in RemoveDiacritics(text).ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(c == 'ß' ? "ss" : c.ToString());
            }
            else if (c is '\'' or '\u2019' or '\u2018')
            {
                // O'Connor Street: apostrophes join.
            }
            else if (c == '#')
            {
                Flush();
                tokens.Add("#");
            }
            else
            {
                Flush();
            }
        }

        Flush();

        var result = new List<string>(tokens.Count);
        var lastIsInitials = false;
        foreach (var token in tokens)
        {
            if (token == "#")
            {
                if (result.Count == 0 || !UnitDesignators.Contains(result[^1]))
                {
                    result.Add("apt");
                }

                lastIsInitials = false;
                continue;
            }

            var word = Abbreviations.GetValueOrDefault(token, token);
            var isInitial = word.Length == 1 && char.IsLetter(word[0]);

            // Consecutive single letters are one abbreviation: "P.O. Box" = "PO Box", "N.E." = "NE".
            if (isInitial && lastIsInitials)
            {
                result[^1] += word;
                continue;
            }

            result.Add(word);
            lastIsInitials = isInitial;
        }

        return string.Join(' ', result);
    }

    private static string RemoveDiacritics(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
