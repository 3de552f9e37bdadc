using System.Globalization;
using HireVet.Application.ReferenceData.Sanctions;

namespace HireVet.Infrastructure.ReferenceData.Sanctions;

/// <summary>
/// Reader for OFAC's legacy SDN files, the second format an operator may drop in instead of the advanced XML:
/// <c>sdn.csv</c> (ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type, Tonnage, GRT, Vess_flag,
/// Vess_owner, Remarks) with, beside it when present, <c>alt.csv</c> (ent_num, alt_num, alt_type, alt_name,
/// alt_remarks), <c>add.csv</c> (ent_num, add_num, address, city/state/postal code, country, add_remarks) and
/// <c>sdn_comments.csv</c> (ent_num, the rest of a Remarks field OFAC cut at 1,000 characters). It yields the same
/// <see cref="SdnList"/> as <see cref="SdnAdvancedXml"/>, so screening does not care which was loaded. What the legacy
/// set lacks: non-Latin-script names, and a date of issue (the caller supplies one, e.g. the file's date).
/// </summary>
public static class SdnLegacyCsv
{
    public const string SdnFileName = "sdn.csv";
    public const string AliasFileName = "alt.csv";
    public const string AddressFileName = "add.csv";
    public const string CommentsFileName = "sdn_comments.csv";

    /// <summary>The companion files present beside <paramref name="sdnCsv"/>, in a fixed order.</summary>
    public static IReadOnlyList<string> Companions(string sdnCsv)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(sdnCsv))!;
        return [.. new[] { AliasFileName, AddressFileName, CommentsFileName }.Select(f => Path.Combine(dir, f)).Where(File.Exists)];
    }

    /// <summary>Reads <paramref name="sdnCsv"/> and whichever companion files sit beside it.</summary>
    public static SdnList ReadFile(string sdnCsv, string dateOfIssue)
    {
        var companions = Companions(sdnCsv).ToDictionary(p => Path.GetFileName(p), StringComparer.Ordinal);
        IEnumerable<string?[]> From(string name) => companions.TryGetValue(name, out var path) ? OfacCsvRecords.Read(path) : [];
        return Read(OfacCsvRecords.Read(sdnCsv), From(AliasFileName), From(AddressFileName), From(CommentsFileName), dateOfIssue);
    }

    public static SdnList Read(TextReader sdn, TextReader? alt, TextReader? add, TextReader? comments, string dateOfIssue) =>
        Read(OfacCsvRecords.Read(sdn), alt is null ? [] : OfacCsvRecords.Read(alt), add is null ? [] : OfacCsvRecords.Read(add),
            comments is null ? [] : OfacCsvRecords.Read(comments), dateOfIssue);

    private static SdnList Read(IEnumerable<string?[]> sdn, IEnumerable<string?[]> alt, IEnumerable<string?[]> add,
        IEnumerable<string?[]> comments, string dateOfIssue)
    {
        var spillover = new Dictionary<int, string>();
        foreach (var row in comments)
        {
            var ent = EntNum(row, CommentsFileName);
            spillover[ent] = spillover.GetValueOrDefault(ent, "") + (row.ElementAtOrDefault(1) ?? "");
        }

        var aliases = new Dictionary<int, List<string>>();
        foreach (var row in alt)
        {
            if (row.ElementAtOrDefault(3) is { Length: > 0 } name) Group(aliases, EntNum(row, AliasFileName)).Add(name.Trim());
        }

        var addressCountries = new Dictionary<int, List<string>>();
        foreach (var row in add)
        {
            if (row.ElementAtOrDefault(4) is { Length: > 0 } country) Group(addressCountries, EntNum(row, AddressFileName)).Add(country.Trim());
        }

        var entries = new List<SdnEntry>();
        foreach (var row in sdn)
        {
            if (row.Length < 12) throw new FormatException($"{SdnFileName}: a record has {row.Length} fields where 12 are expected.");
            var ent = EntNum(row, SdnFileName);
            if (row[1] is not { Length: > 0 } primary) throw new FormatException($"{SdnFileName}: entry {ent} has no name.");
            var remarks = SdnRemarks.Parse(row[11] + spillover.GetValueOrDefault(ent, ""));
            var countries = remarks.Countries.Concat(addressCountries.GetValueOrDefault(ent) ?? []).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            var allAliases = (aliases.GetValueOrDefault(ent) ?? []).Concat(remarks.WeakAliases)
                .Where(a => !a.Equals(primary, StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.Ordinal).ToArray();
            entries.Add(new SdnEntry
            {
                ProfileId = ent,
                Type = row[2]?.Trim().ToLowerInvariant() is { Length: > 0 } type ? type : "entity", // entities have no SDN_Type
                PrimaryName = primary.Trim(),
                Aliases = allAliases,
                WeakAliases = [.. remarks.WeakAliases],
                Programs = Programs(row[3]),
                DatesOfBirth = [.. remarks.DatesOfBirth],
                Countries = countries,
                CountryCodes = [.. countries.Select(OfacCountryNames.CodeOf).OfType<string>().Distinct(StringComparer.Ordinal)],
                Emails = [.. remarks.Emails],
                Websites = [.. remarks.Websites],
                Addresses = [.. remarks.Addresses],
            });
        }

        return new SdnList(dateOfIssue, entries, OfacCountryNames.CodesByName);
    }

    // Several programmes share the field as "DPRK3] [CYBER2".
    private static string[] Programs(string? field) =>
        field is null ? [] : [.. field.Split("] [", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(p => p.Trim('[', ']', ' '))];

    private static int EntNum(string?[] row, string file) =>
        int.TryParse(row.ElementAtOrDefault(0), NumberStyles.None, CultureInfo.InvariantCulture, out var ent)
            ? ent
            : throw new FormatException($"{file}: '{row.ElementAtOrDefault(0)}' is not an ent_num.");

    private static List<string> Group(Dictionary<int, List<string>> groups, int ent)
    {
        if (!groups.TryGetValue(ent, out var list)) groups[ent] = list = [];
        return list;
    }
}
