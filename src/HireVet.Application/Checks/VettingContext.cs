using HireVet.Application.Checks.Links;
using HireVet.Application.Checks.PostHire;
using HireVet.Application.Dossiers;
using HireVet.Application.ReferenceData;

namespace HireVet.Application.Checks;

/// <summary>Everything a check may look at: the full dossier (decrypted), the other candidates sharing an identifier,
/// and the reference data of the moment.</summary>
public sealed record VettingContext(long CandidateId, Dossier Dossier, IReadOnlyList<SharedIdentifier> SharedIdentifiers, ReferenceSnapshot Reference)
{
    /// <summary>The connected component of candidates around this one (null when not computed).</summary>
    public CandidateGraph.Graph? Ring { get; init; }

    /// <summary>Other candidates whose resumes are close to this one's (null when not looked up).</summary>
    public IReadOnlyList<SimilarResume>? SimilarResumes { get; init; }

    /// <summary>The candidate named by the dossier's referrerId (null when not looked up).</summary>
    public ReferrerLookup? Referrer { get; init; }

    /// <summary>What has been seen of the candidate since they were hired (null for a candidate not hired).</summary>
    public WorkerActivity? PostHire { get; init; }

    /// <summary>What the operator configured for the post-hire checks (sanctioned remote tools, latency baselines).</summary>
    public PostHireSettings PostHireSettings { get; init; } = PostHireSettings.Default;

    /// <summary>Other candidates, or their references, seen at this candidate's or its references' IP addresses and
    /// devices, where at least one side is a reference or the thing shared is a device (null when not looked up).</summary>
    public IReadOnlyList<SharedSighting>? SharedSightings { get; init; }

    /// <summary>The identity-verification results received for the candidate, newest first (null when not looked up).</summary>
    public IReadOnlyList<IdentityVerificationResult>? IdentityVerifications { get; init; }

    public VettingContext(long candidateId, Dossier dossier, IReadOnlyList<SharedIdentifier> sharedIdentifiers)
        : this(candidateId, dossier, sharedIdentifiers, ReferenceSnapshot.Empty) { }
}

/// <summary>The outcome of looking up a referrer: the candidate, or null when no candidate has that externalId.</summary>
public sealed record ReferrerLookup(CandidateGraph.Node? Candidate);

public sealed record SharedIdentifier
{
    public string Kind { get; init; } = "";
    public string Display { get; init; } = "";
    public long OtherCandidateId { get; init; }
    public string OtherExternalId { get; init; } = "";
    public string OtherLegalName { get; init; } = "";
    public string OtherStatus { get; init; } = "";
    /// <summary>The other candidate's claimed residence (JSON), to tell a household from a laptop farm.</summary>
    public string? OtherResidence { get; init; }
}

/// <summary>A network address or device of this candidate (or of one of its references, named) that another candidate
/// (or one of theirs, named) was also seen at.</summary>
public sealed record SharedSighting
{
    /// <summary>ip or device.</summary>
    public string Kind { get; init; } = "";
    public string Display { get; init; } = "";
    /// <summary>The reference of this candidate seen there (null: the candidate).</summary>
    public string? MineReference { get; init; }
    public long OtherCandidateId { get; init; }
    public string OtherExternalId { get; init; } = "";
    public string OtherLegalName { get; init; } = "";
    public string OtherStatus { get; init; } = "";
    /// <summary>The other candidate's reference seen there (null: the candidate).</summary>
    public string? OtherReference { get; init; }
}

/// <summary>An identity-verification vendor's result, decrypted, with its outcomes in canonical form (passed, failed,
/// needs_review).</summary>
public sealed record IdentityVerificationResult
{
    public long Id { get; init; }
    public string Vendor { get; init; } = "";
    public string VendorReference { get; init; } = "";
    public DateTimeOffset? VerifiedAt { get; init; }
    public string? VerifiedName { get; init; }
    public DateOnly? DateOfBirth { get; init; }
    public string? DocumentType { get; init; }
    public string? DocumentCountry { get; init; }
    public string? LivenessOutcome { get; init; }
    public string? DocumentOutcome { get; init; }
}
