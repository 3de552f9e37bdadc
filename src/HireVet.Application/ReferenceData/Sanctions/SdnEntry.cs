namespace HireVet.Application.ReferenceData.Sanctions;

/// <summary>One OFAC SDN profile (a <c>DistinctParty</c> of the advanced XML) flattened for screening.</summary>
public sealed record SdnEntry
{
    public static readonly IReadOnlySet<string> DprkPrograms =
        new HashSet<string>(["DPRK", "DPRK2", "DPRK3", "DPRK4", "DPRK-NKSPEA"], StringComparer.Ordinal);

    /// <summary>The profile id; equals <c>DistinctParty/@FixedRef</c>, <c>SanctionsEntry/@ProfileID</c> and the legacy <c>ent_num</c>.</summary>
    public required int ProfileId { get; init; }

    /// <summary>individual, entity, vessel or aircraft.</summary>
    public required string Type { get; init; }

    /// <summary>The primary Latin-script name; individuals as OFAC writes them, "Last, First Middle".</summary>
    public required string PrimaryName { get; init; }

    /// <summary>Every other name (a.k.a., f.k.a., n.k.a., weak aliases, non-Latin scripts), individuals as "Last, First".</summary>
    public string[] Aliases { get; init; } = [];

    /// <summary>The subset of <see cref="Aliases"/> OFAC marks as low quality ("weak" a.k.a.s).</summary>
    public string[] WeakAliases { get; init; } = [];

    /// <summary>SDN-list programme tags, e.g. DPRK3, CYBER2.</summary>
    public string[] Programs { get; init; } = [];

    /// <summary>As listed: "1975", "1975-04", "1975-04-12", ranges "1969..1971" (or full dates around ".."),
    /// prefixed with "circa " where OFAC marks the date approximate.</summary>
    public string[] DatesOfBirth { get; init; } = [];

    /// <summary>Nationality, citizenship and address countries as OFAC names them ("Korea, North").</summary>
    public string[] Countries { get; init; } = [];

    /// <summary>ISO 3166 alpha-2 codes of <see cref="Countries"/> where OFAC's country table has one.</summary>
    public string[] CountryCodes { get; init; } = [];

    public string[] Emails { get; init; } = [];

    public string[] Websites { get; init; } = [];

    public DigitalCurrencyAddress[] Addresses { get; init; } = [];

    public bool IsDprkProgram => Programs.Any(DprkPrograms.Contains);

    public bool IsIndividual => Type == "individual";
}
