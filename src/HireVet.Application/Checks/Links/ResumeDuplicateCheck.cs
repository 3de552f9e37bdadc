using System.Text.Json.Nodes;
using HireVet.Application.Dossiers.Resumes;

namespace HireVet.Application.Checks.Links;

/// <summary>LINK-02: the resume is a near-duplicate of other candidates' resumes (FBI: the same resume content across
/// applicants). The shared passage is the evidence a reviewer reads; similarity is the MinHash estimate of the share
/// of five-word phrases the two resumes have in common.</summary>
public sealed class ResumeDuplicateCheck : ICheck
{
    public const double MediumAt = 0.6;
    public const double HighAt = 0.8;

    public string Name => "resume-duplicate";
    public string[] Indicators => ["LINK-02"];

    public CheckResult Run(VettingContext context)
    {
        if (ResumeFingerprint.Of(context.Dossier.ResumeText) is null)
            return CheckResult.NotEvaluated($"The dossier has no resume text of at least {ResumeFingerprint.MinimumWords} words.");
        if (context.SimilarResumes is not { } similar) return CheckResult.NotEvaluated("Similar resumes were not looked up.");
        var close = similar.Where(s => s.Similarity >= MediumAt).OrderByDescending(s => s.Similarity).ToArray();
        if (close.Length == 0) return CheckResult.NotFired;

        var top = close[0];
        return CheckResult.Fired(new RawSignal("LINK-02", top.Similarity >= HighAt ? Severity.High : Severity.Medium,
            $"The resume shares about {top.Similarity:P0} of its text with {top.OtherLegalName} ({top.OtherExternalId})" +
            $"{(close.Length > 1 ? $" and {close.Length - 1} other candidate{(close.Length > 2 ? "s" : "")}" : "")}.",
            new JsonObject
            {
                ["similarResumes"] = new JsonArray([.. close.Select(s => (JsonNode)new JsonObject
                {
                    ["id"] = s.OtherCandidateId, ["externalId"] = s.OtherExternalId, ["legalName"] = s.OtherLegalName, ["status"] = s.OtherStatus,
                    ["similarity"] = Math.Round(s.Similarity, 2), ["sharedPassage"] = s.SharedPassage,
                })]),
            }));
    }
}
