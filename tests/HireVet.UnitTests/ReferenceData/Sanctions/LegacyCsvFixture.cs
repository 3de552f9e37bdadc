using System.Globalization;
using System.Text;
using HireVet.Application.ReferenceData.Sanctions;

namespace HireVet.UnitTests.ReferenceData.Sanctions;

/// <summary>Writes entries of the real SDN Advanced XML (read from ../shared/data, never copied into the repository)
/// in OFAC's legacy CSV layout: sdn.csv, alt.csv, add.csv and sdn_comments.csv, with "-0- " for empty values, CRLF
/// lines, programmes as "A] [B", and a remark long enough to spill over into sdn_comments.csv.</summary>
public static class LegacyCsvFixture
{
    /// <summary>Kim Sang Man (DPRK4, IT-worker revenue), Lazarus Group (DPRK3, wallets), Chinyong (DPRK2 front).</summary>
    public static readonly int[] ProfileIds = [27307, 43377, 43379];

    private const string Empty = "-0- ";

    /// <summary>Remarks longer than this continue in sdn_comments.csv, as OFAC's fixed-width field does.</summary>
    public const int RemarksWidth = 400;

    private static readonly Lazy<string> Written = new(() =>
    {
        var directory = Directory.CreateTempSubdirectory("hirevet-legacy-sdn-").FullName;
        Write(SdnDataFixture.Shared.List, directory);
        return directory;
    });

    /// <summary>A folder holding the four files, written once per test run.</summary>
    public static string Folder => Written.Value;

    public static void Write(SdnList xml, string directory)
    {
        var entries = ProfileIds.Select(id => xml.Entries.Single(e => e.ProfileId == id)).ToArray();
        var sdn = new StringBuilder();
        var alt = new StringBuilder();
        var add = new StringBuilder();
        var comments = new StringBuilder();
        foreach (var e in entries)
        {
            var remarks = Remarks(e);
            var spill = remarks.Length > RemarksWidth ? remarks[RemarksWidth..] : null;
            sdn.Append(CultureInfo.InvariantCulture, $"{e.ProfileId},{Quoted(e.PrimaryName)},{(e.IsIndividual ? Quoted("individual") : Empty)},")
               .Append(Quoted(string.Join("] [", e.Programs))).Append(',')
               .Append(string.Join(',', Enumerable.Repeat(Empty, 7))).Append(',')
               .Append(remarks.Length == 0 ? Empty : Quoted(spill is null ? remarks : remarks[..RemarksWidth])).Append("\r\n");
            if (spill is not null) comments.Append(CultureInfo.InvariantCulture, $"{e.ProfileId},{Quoted(spill)}\r\n");
            var aliases = LatinAliases(e);
            for (var i = 0; i < aliases.Length; i++)
                alt.Append(CultureInfo.InvariantCulture, $"{e.ProfileId},{i + 1},{Quoted("a.k.a.")},{Quoted(aliases[i])},{Empty}\r\n");
            for (var i = 0; i < e.Countries.Length; i++)
                add.Append(CultureInfo.InvariantCulture, $"{e.ProfileId},{i + 1},{Empty},{Empty},{Quoted(e.Countries[i])},{Empty}\r\n");
        }
        File.WriteAllText(Path.Combine(directory, "sdn.csv"), sdn + "\u001a");
        File.WriteAllText(Path.Combine(directory, "alt.csv"), alt.ToString());
        File.WriteAllText(Path.Combine(directory, "add.csv"), add.ToString());
        File.WriteAllText(Path.Combine(directory, "sdn_comments.csv"), comments.ToString());
    }

    private static string Remarks(SdnEntry e) => string.Join("; ",
        e.DatesOfBirth.Select(d => "DOB " + (DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? day.ToString("dd MMM yyyy", CultureInfo.InvariantCulture) : d))
            .Concat(e.Addresses.Select(a => $"Digital Currency Address - {a.Ticker} {a.Address}"))
            .Concat(e.Emails.Select(m => $"Email Address {m}"))
            .Concat(e.Websites.Select(w => $"Website {w}"))) is { Length: > 0 } text ? text + "." : "";

    /// <summary>The legacy files are Latin-1: names in other scripts (김상만) appear only in the advanced XML.</summary>
    public static string[] LatinAliases(SdnEntry e) => [.. e.Aliases.Where(a => a.All(c => c <= '\u00ff'))];

    private static string Quoted(string value) => "\"" + value.Replace("\"", "\"\"") + "\"";
}
