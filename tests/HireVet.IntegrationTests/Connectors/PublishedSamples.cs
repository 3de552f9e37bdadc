using System.Buffers;
using System.Text.Json;

namespace HireVet.IntegrationTests.Connectors;

/// <summary>The vendors' published sign-in records in ../shared/data/formats (read in place, never copied in).</summary>
internal static class PublishedSamples
{
    public static string Formats
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (!File.Exists(Path.Combine(dir.FullName, "HireVet.sln"))) dir = dir.Parent!;
            return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "formats"));
        }
    }

    /// <summary>The 7 Okta LogEvents of elastic/beats' System Log fixture, one JSON object per line, as published.</summary>
    public static string[] OktaLogEvents() =>
        [.. File.ReadLines(Path.Combine(Formats, "okta", "beats-okta-system-test.json.log")).Where(l => l.Trim().Length > 0)];

    /// <summary>Every Graph signIn in the JSON code blocks of Microsoft's List/Get signIns pages, each written out again
    /// as compact JSON (what a server would send). A block invalid as published (v1.0's trailing comma) is read a second
    /// time allowing trailing commas and counted in <paramref name="repaired"/>; a block still unreadable is counted in
    /// <paramref name="unreadable"/>. Duplicate keys (the beta page's) are kept as published.</summary>
    public static IReadOnlyList<JsonElement> GraphSignIns(out int repaired, out int unreadable)
    {
        repaired = unreadable = 0;
        var signIns = new List<JsonElement>();
        foreach (var page in Directory.GetFiles(Path.Combine(Formats, "entra"), "msgraph-docs-*.md").Order(StringComparer.Ordinal))
            foreach (var block in JsonBlocks(File.ReadAllText(page)))
            {
                JsonDocument document;
                try
                {
                    document = JsonDocument.Parse(block);
                }
                catch (JsonException)
                {
                    try
                    {
                        document = JsonDocument.Parse(block, new JsonDocumentOptions { AllowTrailingCommas = true });
                        repaired++;
                    }
                    catch (JsonException)
                    {
                        unreadable++;
                        continue;
                    }
                }
                using (document)
                {
                    var root = document.RootElement;
                    if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Array)
                        signIns.AddRange(value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("createdDateTime", out _)).Select(Rewritten));
                    else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("createdDateTime", out _))
                        signIns.Add(Rewritten(root));
                }
            }
        return signIns;
    }

    private static JsonElement Rewritten(JsonElement e)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer)) e.WriteTo(writer);
        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    /// <summary>The JSON of each fenced code block: from its first line that opens an object (after an HTTP status line
    /// and headers, say) to the block's end. Blocks without one (request lines such as <c>GET /signIns/{id}</c>) are not
    /// JSON blocks.</summary>
    private static IEnumerable<string> JsonBlocks(string markdown)
    {
        List<string>? block = null;
        foreach (var line in markdown.Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                if (block is null)
                {
                    block = [];
                    continue;
                }
                var start = block.FindIndex(l => l.TrimStart().StartsWith('{'));
                if (start >= 0) yield return string.Join('\n', block.Skip(start));
                block = null;
                continue;
            }
            block?.Add(line);
        }
    }
}
