using System.Text.Json.Nodes;
using HireVet.Application.Dossiers;

namespace HireVet.Application.Checks.Identity;

/// <summary>Compares a name found elsewhere in the dossier with the names the candidate declared (legal name and
/// other names): it belongs to the candidate if it is the same as, or compatible with, any of them.</summary>
internal static class CandidateNames
{
    public static string[] Declared(Dossier d) =>
        [d.LegalName ?? "", .. (d.OtherNames ?? []).Where(n => !string.IsNullOrWhiteSpace(n))];

    public static (NameMatch Match, string? ClosestName) Best(Dossier d, string name)
    {
        var best = (Match: NameMatch.Different, ClosestName: (string?)null);
        foreach (var declared in Declared(d))
        {
            var match = NameMatcher.Compare(declared, name);
            if (match < best.Match || best.ClosestName is null) best = (match, declared);
        }
        return best;
    }

    public static JsonArray ToJson(IEnumerable<string> names) => [.. names.Select(n => (JsonNode)n)];
}
