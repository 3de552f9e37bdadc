using System.Text.RegularExpressions;

namespace HireVet.Application.Checks;

/// <summary>One red flag of the catalogue (docs/indicators.md): what the advisories say, how severe they rate it and
/// which published documents it comes from. Shown beside every signal, so a reviewer reads the advisory's own words.</summary>
public sealed record CatalogueIndicator(string Id, string Section, string Text, string Severity, IReadOnlyList<CatalogueSource> Sources)
{
    public bool HrOnly => Severity.Contains("HR-only", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A document of the catalogue's source register (S1, S2, ...), with the first address the catalogue gives.</summary>
public sealed record CatalogueSource(string Id, string Document, string Date, string? Url);

/// <summary>The catalogue as HireVet read it at start-up. <see cref="Unavailable"/> says why it could not be read (the
/// pages then show the signal without the catalogue's text, and say so).</summary>
public interface IIndicatorCatalogue
{
    CatalogueIndicator? Find(string indicatorId);
    string? Unavailable { get; }
}

/// <summary>Reads the catalogue's Markdown: the source register's table and the indicator tables of section 1, each
/// found by its header row, so a column added or moved in the document does not shift what is read.</summary>
public static partial class IndicatorCatalogueParser
{
    public sealed record Parsed(IReadOnlyDictionary<string, CatalogueIndicator> Indicators, IReadOnlyDictionary<string, CatalogueSource> Sources);

    public static Parsed Parse(string markdown)
    {
        var sources = new Dictionary<string, CatalogueSource>();
        var rows = new List<(string Section, string[] Cells, Dictionary<string, int> Columns)>();
        string section = "";
        Dictionary<string, int>? columns = null;
        foreach (var raw in markdown.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith('#'))
            {
                section = Plain(line.TrimStart('#'));
                columns = null;
                continue;
            }
            if (!line.StartsWith('|'))
            {
                columns = null;
                continue;
            }
            var cells = Cells(line);
            if (columns is null)
            {
                columns = cells.Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i, StringComparer.OrdinalIgnoreCase);
                continue;
            }
            if (cells.All(c => c.All(ch => ch is '-' or ':'))) continue;
            rows.Add((section, cells, columns));
        }

        foreach (var (_, cells, cols) in rows.Where(r => r.Columns.ContainsKey("Document")))
        {
            var id = Cell(cells, cols, "ID");
            if (!SourceIdExact().IsMatch(id)) continue;
            var url = Url().Match(Cell(cells, cols, "URL(s) seen"));
            sources[id] = new CatalogueSource(id, Plain(Cell(cells, cols, "Document")), Plain(Cell(cells, cols, "Date")),
                url.Success ? url.Value.TrimEnd('.', ',', ';', ')') : null);
        }

        var indicators = new Dictionary<string, CatalogueIndicator>(StringComparer.OrdinalIgnoreCase);
        foreach (var (sectionName, cells, cols) in rows.Where(r => r.Columns.ContainsKey("Indicator") && r.Columns.ContainsKey("Sev")))
        {
            var id = Cell(cells, cols, "ID");
            if (!IndicatorId().IsMatch(id)) continue;
            var cited = SourceId().Matches(Cell(cells, cols, "Sources")).Select(m => m.Value).Distinct()
                .Select(s => sources.TryGetValue(s, out var source) ? source : new CatalogueSource(s, "", "", null)).ToArray();
            indicators[id] = new CatalogueIndicator(id, SectionTitle(sectionName), Plain(Cell(cells, cols, "Indicator")),
                Plain(Cell(cells, cols, "Sev")), cited);
        }
        return new Parsed(indicators, sources);
    }

    private static string[] Cells(string line)
    {
        var inner = line.Trim();
        inner = inner[1..];
        if (inner.EndsWith('|')) inner = inner[..^1];
        return inner.Split('|').Select(c => c.Trim()).ToArray();
    }

    private static string Cell(string[] cells, Dictionary<string, int> columns, string name) =>
        columns.TryGetValue(name, out var i) && i < cells.Length ? cells[i] : "";

    /// <summary>"(a) Identity consistency" → "Identity consistency".</summary>
    private static string SectionTitle(string heading) => SectionLetter().Replace(heading, "");

    /// <summary>Markdown emphasis and code marks removed; the text stays as the catalogue words it.</summary>
    private static string Plain(string text) => text.Replace("**", "").Replace("*", "").Replace("`", "").Trim();

    [GeneratedRegex(@"^S\d+$")] private static partial Regex SourceIdExact();
    [GeneratedRegex(@"\bS\d+\b")] private static partial Regex SourceId();
    [GeneratedRegex(@"^[A-Z]+-\d+$")] private static partial Regex IndicatorId();
    [GeneratedRegex(@"https?://[^\s]+")] private static partial Regex Url();
    [GeneratedRegex(@"^\(\w\)\s*")] private static partial Regex SectionLetter();
}
