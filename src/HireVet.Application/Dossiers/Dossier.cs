using HireVet.Application.Dossiers.Addresses;

namespace HireVet.Application.Dossiers;

// The candidate dossier as HR or an applicant-tracking system submits it. There is deliberately no nationality,
// ethnicity or photo field: HireVet flags misrepresentation, never who someone is.

/// <summary>A candidate dossier. Every field but externalId and legalName is optional.</summary>
public record Dossier
{
    /// <summary>The submitter's own id for the candidate; submitting it again updates the same candidate.</summary>
    public string? ExternalId { get; init; }
    /// <summary>Where the candidate came from (ATS name, job board, staffing agency).</summary>
    public string? Source { get; init; }
    /// <summary>The role applied for.</summary>
    public string? Role { get; init; }
    public string? LegalName { get; init; }
    /// <summary>Other names the candidate uses or used (maiden name, anglicised name, nickname).</summary>
    public string[]? OtherNames { get; init; }
    public DateOnly? DateOfBirth { get; init; }
    public string? Email { get; init; }
    /// <summary>International format, e.g. +1 415 555 0100; stored as E.164.</summary>
    public string? Phone { get; init; }
    public PostalAddress? ClaimedResidence { get; init; }
    /// <summary>IANA time zone, e.g. America/Chicago.</summary>
    public string? ClaimedTimeZone { get; init; }
    public IdentityDocument? IdentityDocument { get; init; }
    public DeveloperProfile[]? Profiles { get; init; }
    public Employment[]? EmploymentHistory { get; init; }
    public Education[]? Education { get; init; }
    public Reference[]? References { get; init; }
    public string? ResumeText { get; init; }
    public NetworkObservation[]? NetworkObservations { get; init; }
    public Interview[]? Interviews { get; init; }
    public PayrollDestination? PayrollDestination { get; init; }
    public EquipmentShipping? EquipmentShipping { get; init; }
    /// <summary>Name or employee id of whoever referred the candidate.</summary>
    public string? ReferredBy { get; init; }
    /// <summary>The referrer's <c>externalId</c> in HireVet (the id the applicant-tracking system gave them as a
    /// candidate), so a referral by a flagged candidate can be followed (LINK-09).</summary>
    public string? ReferrerId { get; init; }
}

public sealed record PostalAddress
{
    public string? Line1 { get; init; }
    public string? Line2 { get; init; }
    public string? City { get; init; }
    public string? Region { get; init; }
    public string? PostalCode { get; init; }
    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string? Country { get; init; }

    public AddressParts ToParts() => new(Line1, Line2, City, Region, PostalCode, Country);

    /// <summary>The address on one line, as a reviewer reads it.</summary>
    public string OneLine() =>
        string.Join(", ", new[] { Line1, Line2, City, Region, PostalCode, Country }.Where(p => !string.IsNullOrEmpty(p)));
}

public sealed record IdentityDocument
{
    /// <summary>passport, driver_licence, national_id, residence_permit or other.</summary>
    public string? Type { get; init; }
    /// <summary>ISO 3166-1 alpha-2 of the issuing state.</summary>
    public string? IssuingCountry { get; init; }
    /// <summary>Encrypted at rest.</summary>
    public string? Number { get; init; }
    public string? NameOnDocument { get; init; }
    /// <summary>Encrypted at rest.</summary>
    public DateOnly? DateOfBirth { get; init; }
    public PostalAddress? Address { get; init; }
    public DateOnly? ExpiresOn { get; init; }
}

public sealed record DeveloperProfile
{
    /// <summary>github, gitlab, linkedin, stackoverflow, portfolio or other.</summary>
    public string? Kind { get; init; }
    public string? Url { get; init; }
    public string? Handle { get; init; }
    public string? DisplayName { get; init; }
    public DateOnly? CreatedOn { get; init; }
    public DateOnly? EarliestActivityOn { get; init; }
    /// <summary>The profile's activity summary, all optional (ID-19): first and last public activity...</summary>
    public PartialDate? FirstActivityOn { get; init; }
    public PartialDate? LastActivityOn { get; init; }
    /// <summary>... the longest stretch without any public activity ...</summary>
    public InactiveGap? LongestInactiveGap { get; init; }
    /// <summary>... the date of the oldest repository or commit the profile hosts, and whether that content was imported
    /// or mirrored from elsewhere (imported history legitimately predates the account) ...</summary>
    public PartialDate? EarliestContentOn { get; init; }
    public bool? ContentImported { get; init; }
    /// <summary>... and how many distinct e-mail addresses its commits are authored under.</summary>
    public int? DistinctCommitEmails { get; init; }
}

/// <summary>A stretch without public activity on a profile: from the last activity before it to the first after it.</summary>
public sealed record InactiveGap
{
    public PartialDate? From { get; init; }
    public PartialDate? To { get; init; }
}

public sealed record Employment
{
    public string? Employer { get; init; }
    public string? EmployerDomain { get; init; }
    public string? Title { get; init; }
    public PartialDate? StartedOn { get; init; }
    public PartialDate? EndedOn { get; init; }
}

public sealed record Education
{
    public string? Institution { get; init; }
    public string? Degree { get; init; }
    public PartialDate? StartedOn { get; init; }
    public PartialDate? EndedOn { get; init; }
}

public sealed record Reference
{
    public string? Name { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? Employer { get; init; }
    public string? Relationship { get; init; }
    /// <summary>Where the reference's answers came from (the reference-check form's submission), when known (LINK-12).</summary>
    public NetworkSighting? SubmittedFrom { get; init; }
}

/// <summary>One sighting of someone on the network: the IP address and device they acted from, and when.</summary>
public sealed record NetworkSighting
{
    public string? Ip { get; init; }
    /// <summary>A device fingerprint or device id from the form or assessment vendor.</summary>
    public string? DeviceId { get; init; }
    public DateTimeOffset? At { get; init; }
}

public sealed record NetworkObservation
{
    public string? Ip { get; init; }
    public DateTimeOffset? ObservedAt { get; init; }
    /// <summary>What the IP was seen doing: application, assessment, interview, onboarding...</summary>
    public string? Context { get; init; }
    public string? UserAgent { get; init; }
    /// <summary>IANA time zone reported by the device's browser.</summary>
    public string? DeviceTimeZone { get; init; }
    /// <summary>A device fingerprint or device id from the application or assessment vendor, when it gives one.</summary>
    public string? DeviceId { get; init; }
}

public sealed record Interview
{
    public DateTimeOffset? At { get; init; }
    public bool? CameraOn { get; init; }
    public string? Ip { get; init; }
    public string? Notes { get; init; }
}

public sealed record PayrollDestination
{
    /// <summary>bank_transfer, payment_platform, crypto, check or other.</summary>
    public string? Method { get; init; }
    public string? AccountHolderName { get; init; }
    public string? BankName { get; init; }
    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string? BankCountry { get; init; }
    /// <summary>Encrypted at rest; check digits are validated.</summary>
    public string? Iban { get; init; }
    /// <summary>Encrypted at rest.</summary>
    public string? AccountNumber { get; init; }
    public string? RoutingNumber { get; init; }
    public string? Bic { get; init; }
    /// <summary>Payment platform (Wise, Payoneer, PayPal...).</summary>
    public string? Platform { get; init; }
    public string? PlatformAccountEmail { get; init; }
    /// <summary>XBT, ETH, USDT, TRX...</summary>
    public string? WalletTicker { get; init; }
    /// <summary>Encrypted at rest.</summary>
    public string? WalletAddress { get; init; }
}

public sealed record EquipmentShipping
{
    public string? RecipientName { get; init; }
    public PostalAddress? Address { get; init; }
}
