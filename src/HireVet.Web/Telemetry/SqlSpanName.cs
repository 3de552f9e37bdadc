using System.Diagnostics;
using System.Text.RegularExpressions;
using OpenTelemetry;

namespace HireVet.Web.Telemetry;

/// <summary>A SQL span's name, "insert candidates" or "select candidate_identifiers": the statement's verb and its main
/// table (the first one named outside parentheses, else the first one at all), read off the start of the text. Npgsql
/// names every span "postgresql" otherwise, which says nothing about where the time goes. <see cref="Processor"/> renames
/// the SQL spans as they end: the application's and Hangfire's alike.</summary>
public static partial class SqlSpanName
{
    public static string Of(string? sql)
    {
        if (string.IsNullOrWhiteSpace(sql)) return "sql";
        var text = sql.Length > 2000 ? sql[..2000] : sql;
        var verb = Verb().Match(text);
        if (!verb.Success) return "sql";
        var name = verb.Groups[1].Value.ToLowerInvariant();
        if (name == "with")
        {
            // A statement with a CTE writes if any part of it does: "with due as (select ...) update ..." is an update.
            var write = Write().Match(text);
            if (write.Success) return $"{write.Groups["verb"].Value.ToLowerInvariant()} {Table(write.Groups["table"].Value)}";
            name = "select";
        }
        var tables = Tables().Matches(text);
        if (tables.Count == 0) return name;
        var main = tables.FirstOrDefault(t => Depth(text, t.Index) == 0) ?? tables[0];
        return $"{name} {Table(main.Groups[1].Value)}";
    }

    /// <summary>Renames each Npgsql span Npgsql named after the database system alone, from its statement's text.</summary>
    public sealed class Processor : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data)
        {
            if (data.Source.Name == "Npgsql" && data.DisplayName == "postgresql" && data.GetTagItem("db.query.text") is string sql)
                data.DisplayName = Named(sql);
        }
    }

    // HireVet's and Hangfire's statements are a fixed set of texts run again and again: each is named once, not by three
    // regular expressions per span. Bounded, should something send ever-new texts.
    private const int MaxRemembered = 2000;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Remembered = new(StringComparer.Ordinal);

    private static string Named(string sql)
    {
        if (Remembered.TryGetValue(sql, out var name)) return name;
        name = Of(sql);
        if (Remembered.Count < MaxRemembered) Remembered.TryAdd(sql, name);
        return name;
    }

    private static string Table(string name) => name.Replace("\"", "", StringComparison.Ordinal).ToLowerInvariant();

    private static int Depth(string text, int index)
    {
        var depth = 0;
        for (var i = 0; i < index; i++)
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
        return depth;
    }

    [GeneratedRegex(@"^\s*(?:--[^\n]*\n\s*)*(\w+)", RegexOptions.CultureInvariant)]
    private static partial Regex Verb();

    private const string Name = @"""?[a-z_]\w*""?(?:\.""?\w+""?)?";

    [GeneratedRegex(@"\b(?<verb>insert)\s+into\s+(?<table>" + Name + @")|\b(?<verb>delete)\s+from\s+(?<table>" + Name + @")|\b(?<verb>update)\s+(?<table>" + Name + @")\s+(?:\w+\s+)?set\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Write();

    [GeneratedRegex(@"\b(?:from|into|update|join|table|truncate)\s+(?!unnest\b|lateral\b|\()(" + Name + ")", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Tables();
}
