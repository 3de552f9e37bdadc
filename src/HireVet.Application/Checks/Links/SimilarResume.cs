namespace HireVet.Application.Checks.Links;

/// <summary>Another candidate whose resume shares most of its text with this candidate's.</summary>
public sealed record SimilarResume
{
    public long OtherCandidateId { get; init; }
    public string OtherExternalId { get; init; } = "";
    public string OtherLegalName { get; init; } = "";
    public string OtherStatus { get; init; } = "";
    public double Similarity { get; init; }
    public string? SharedPassage { get; init; }
}
