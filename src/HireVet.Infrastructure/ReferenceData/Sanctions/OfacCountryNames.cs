using System.Globalization;
using HireVet.Application.Common.Formats;
using HireVet.Application.ReferenceData.Sanctions;

namespace HireVet.Infrastructure.ReferenceData.Sanctions;

/// <summary>Country names as OFAC writes them ("Korea, North", "Russia", "Burma") to ISO 3166 codes, for the legacy
/// CSV files, which, unlike the advanced XML, carry no country table. Built from the English country names the
/// runtime knows (ICU), in OFAC's inverted form too ("North Korea" → "Korea, North") and without qualifiers
/// ("Myanmar (Burma)" → "Myanmar", "Burma"; "Hong Kong SAR China" → "Hong Kong"). A name it cannot place keeps its
/// text in <see cref="SdnEntry.Countries"/> and simply adds no code.</summary>
internal static class OfacCountryNames
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Names = new(Build);

    public static IReadOnlyDictionary<string, string> CodesByName => Names.Value;

    public static string? CodeOf(string name) => Names.Value.GetValueOrDefault(name.Trim());

    private static Dictionary<string, string> Build()
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var code in CountryCodes.AllIsoAlpha2)
        {
            string english;
            try
            {
                english = new RegionInfo(code).EnglishName;
            }
            catch (ArgumentException)
            {
                continue; // a code the runtime's ICU data does not know
            }

            foreach (var name in Variants(english)) names.TryAdd(name, code);
        }

        return names;
    }

    private static IEnumerable<string> Variants(string english)
    {
        var open = english.IndexOf(" (", StringComparison.Ordinal);
        var plain = open > 0 ? english[..open] : english;
        yield return english;
        yield return plain;
        if (open > 0 && english.EndsWith(')')) yield return english[(open + 2)..^1];
        foreach (var suffix in new[] { " SAR China", " SAR" })
        {
            if (plain.EndsWith(suffix, StringComparison.Ordinal)) yield return plain[..^suffix.Length];
        }

        foreach (var side in new[] { "North ", "South " })
        {
            if (plain.StartsWith(side, StringComparison.Ordinal)) yield return $"{plain[side.Length..]}, {side.Trim()}";
        }
    }
}
