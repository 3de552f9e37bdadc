using System.Text.Json;

namespace HireVet.UnitTests.Ingestion;

/// <summary>The vendors' published sample records in ../shared/data/formats (beside the repository, never copied into
/// it; see SOURCES.md there), and the JSON blocks of their documentation pages.</summary>
internal static class PublishedSamples
{
    public static string PathOf(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir.FullName, "HireVet.sln"))) dir = dir.Parent!;
        var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "formats", relative));
        Assert.True(File.Exists(path), $"The published sample {path} is missing.");
        return path;
    }

    /// <summary>The non-blank lines of an NDJSON sample, verbatim.</summary>
    public static string[] Lines(string relative) => [.. File.ReadLines(PathOf(relative)).Where(l => l.Trim().Length > 0)];

    /// <summary>The JSON of each fenced block of a markdown page that holds any, verbatim: from its first line opening an
    /// object or array (after an HTTP status line and headers, in a response example) to the fence.</summary>
    public static string[] JsonBlocks(string relative)
    {
        var blocks = new List<string>();
        List<string>? block = null;
        foreach (var line in File.ReadLines(PathOf(relative)))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                if (block is not null) blocks.Add(string.Join('\n', block.SkipWhile(l => !l.TrimStart().StartsWith('{') && !l.TrimStart().StartsWith('['))));
                block = block is null ? [] : null;
                continue;
            }
            block?.Add(line);
        }
        return [.. blocks.Where(b => b.Length > 0)];
    }

    public static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;
}
