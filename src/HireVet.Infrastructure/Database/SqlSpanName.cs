using System.Text.RegularExpressions;

namespace HireVet.Infrastructure.Database;

/// <summary>A SQL span's name, "insert candidates" or "select candidate_identifiers": the statement's verb and the
/// first table it names, read off the start of the text (Npgsql names every span "postgresql" otherwise, which says
/// nothing about where the time goes). Asked only for statements that are traced.</summary>
public static partial class SqlSpanName
{
    public static string Of(string? sql)
    {
        if (string.IsNullOrWhiteSpace(sql)) return "sql";
        var text = sql.Length > 600 ? sql[..600] : sql;
        var verb = Verb().Match(text);
        if (!verb.Success) return "sql";
        var name = verb.Groups[1].Value.ToLowerInvariant();
        if (name == "with")
        {
            // A statement with a CTE writes if any part of it does: "with due as (select ...) update ..." is an update.
            var write = Write().Match(text);
            if (write.Success) return $"{write.Groups["verb"].Value.ToLowerInvariant()} {write.Groups["table"].Value.ToLowerInvariant()}";
            name = "select";
        }
        var table = Table().Match(text);
        return table.Success ? $"{name} {table.Groups[1].Value.ToLowerInvariant()}" : name;
    }

    [GeneratedRegex(@"^\s*(?:--[^\n]*\n\s*)*(\w+)", RegexOptions.CultureInvariant)]
    private static partial Regex Verb();

    [GeneratedRegex(@"\b(?<verb>insert)\s+into\s+(?<table>[\w.]+)|\b(?<verb>delete)\s+from\s+(?<table>[\w.]+)|\b(?<verb>update)\s+(?<table>[\w.]+)\s+(?:\w+\s+)?set\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Write();

    [GeneratedRegex(@"\b(?:from|into|update|join|table|truncate)\s+(?!unnest\b|lateral\b|\()([a-z_][\w.]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Table();
}
