using System.Text.Json.Nodes;

namespace HireVet.Application.Checks.Identity;

/// <summary>ID-01: the name on the identity document is not a name the candidate declared.</summary>
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
        return CheckResult.Fired(new RawSignal("ID-01", Severity.Medium,
            $"The name on the {d.IdentityDocument.Type ?? "identity document"} (\"{onDocument}\") does not match the candidate's legal name or other names.",
            new JsonObject
            {
                ["nameOnDocument"] = onDocument,
                ["documentType"] = d.IdentityDocument.Type,
                ["declaredNames"] = CandidateNames.ToJson(CandidateNames.Declared(d)),
            }));
    }
}
