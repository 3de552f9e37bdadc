using System.Text.Json;
using System.Text.RegularExpressions;
using FluentValidation.Results;
using HireVet.Application.Dossiers;

namespace HireVet.UnitTests.Connectors;

/// <summary>The applicant-tracking systems' published samples under ../shared/data/formats/ats (read in place, never
/// copied into the repository), and intake's own validator to hold mapped dossiers to.</summary>
internal static partial class PublishedAts
{
    public static string File(string vendor, string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!System.IO.File.Exists(Path.Combine(dir.FullName, "HireVet.sln"))) dir = dir.Parent!;
        return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "formats", "ats", vendor, name));
    }

    public static JsonElement Json(string vendor, string name) => JsonDocument.Parse(System.IO.File.ReadAllText(File(vendor, name))).RootElement;

    /// <summary>Every fenced block of a Greenhouse docs page that is JSON (shell commands, code in other languages and
    /// the intro's invalid example are skipped), in page order.</summary>
    public static IReadOnlyList<JsonElement> GreenhouseBlocks(string page)
    {
        var blocks = new List<JsonElement>();
        foreach (Match m in Fence().Matches(System.IO.File.ReadAllText(File("greenhouse", page))))
        {
            try { blocks.Add(JsonDocument.Parse(m.Groups["body"].Value).RootElement); }
            catch (JsonException) { }
        }
        return blocks;
    }

    /// <summary>The objects of blocks, the items of a block that is a list included.</summary>
    public static IEnumerable<JsonElement> Objects(IEnumerable<JsonElement> blocks) => blocks
        .SelectMany(b => b.ValueKind == JsonValueKind.Array ? b.EnumerateArray().ToArray() : [b])
        .Where(o => o.ValueKind == JsonValueKind.Object);

    public static bool Has(this JsonElement o, string name) => o.TryGetProperty(name, out _);

    public static JsonElement Get(this JsonElement o, string path)
    {
        foreach (var name in path.Split('.')) o = o.GetProperty(name);
        return o;
    }

    public static ValidationResult Intake(Dossier dossier) => new IntakeValidator().Validate(dossier);

    private sealed class IntakeValidator() : DossierValidator<Dossier>(TimeProvider.System);

    [GeneratedRegex(@"```(?<lang>\w*)\r?\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Fence();
}
