using System.Text.Json.Nodes;

namespace HireVet.Application.Checks.Identity;

/// <summary>ID-01: the name on the identity document is not a name the candidate declared (medium), or differs from
/// one in a single name only (low: likely a married or maiden surname, a nickname or a preferred name).</summary>
public sealed class IdentityDocumentNameCheck : ICheck
{
    public string Name => "identity-document-name";
    public string[] Indicators => ["ID-01"];

    public CheckResult Run(VettingContext context)
    {
        var d = context.Dossier;
        if (d.IdentityDocument?.NameOnDocument is not { Length: > 0 } onDocument)
            return CheckResult.NotEvaluated("The dossier has no name from an identity document.");
        var (match, _) = CandidateNames.Best(d, onDocument);
        if (match != NameMatch.Different) return CheckResult.NotFired;
        var document = d.IdentityDocument.Type ?? "identity document";
        var oneName = NameChange.DiffersInOneName(d, onDocument);
        return CheckResult.Fired(new RawSignal("ID-01", oneName is null ? Severity.Medium : Severity.Low,
            oneName is null
                ? $"The name on the {document} (\"{onDocument}\") does not match the candidate's legal name or other names."
                : $"The name on the {document} (\"{onDocument}\") differs from \"{oneName}\" in one name only: likely {NameChange.Causes}. Ask for the document that shows the change.",
            new JsonObject
            {
                ["nameOnDocument"] = onDocument,
                ["documentType"] = d.IdentityDocument.Type,
                ["declaredNames"] = CandidateNames.ToJson(CandidateNames.Declared(d)),
                ["likelyCause"] = oneName is null ? null : NameChange.Causes,
            }));
    }
}
