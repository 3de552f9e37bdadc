namespace HireVet.Application.ReferenceData.Sanctions;

/// <summary>
/// A possible SDN match for a screened name. It is a lead for a sanctions analyst, not a finding: the name
/// score alone decides whether it is returned; the date-of-birth and country agreements only help the analyst
/// confirm or discount it.
/// </summary>
public sealed record SanctionsHit
{
    public const string Match = "match";
    public const string Mismatch = "mismatch";
    public const string Unknown = "unknown";

    public required SdnEntry Entry { get; init; }

    /// <summary>The listed name (primary or alias) the screened name matched, as OFAC writes it.</summary>
    public required string MatchedName { get; init; }

    /// <summary>0..1; hits start at <see cref="SanctionsIndex.MatchThreshold"/>.</summary>
    public required double NameScore { get; init; }

    /// <summary>match, mismatch or unknown (either side has no date of birth).</summary>
    public required string DateOfBirthAgreement { get; init; }

    /// <summary>match, mismatch or unknown (either side has no country).</summary>
    public required string CountryAgreement { get; init; }

    /// <summary>Every matched word of the listed name is frequent on the list ("Mohammed Ali", "Kim Chol"): on the name
    /// alone, such a hit is as likely a namesake as the listed person.</summary>
    public bool CommonName { get; init; }

    public required IReadOnlyList<string> Reasons { get; init; }
}
