namespace HireVet.Application.ReferenceData.Sanctions;

/// <summary>A digital-currency address on an OFAC list, with the SDN entry that lists it where known.</summary>
public sealed record SanctionedAddress
{
    /// <summary>As OFAC publishes it (EVM addresses keep their mixed-case checksum spelling).</summary>
    public required string Address { get; init; }

    /// <summary>Every list the address appears on, e.g. ETH, ARB and BSC for one EVM address.</summary>
    public required string[] Tickers { get; init; }

    /// <summary>The SDN profile id (= legacy ent_num) of the listing entry; the lowest one if several list it.</summary>
    public int? SdnEntryId { get; init; }

    /// <summary>All SDN profile ids listing the address (two addresses in the 2025-11-19 list have two owners).</summary>
    public int[] SdnEntryIds { get; init; } = [];

    public string? SdnName { get; init; }

    /// <summary>SDN programmes of the owning entries.</summary>
    public string[] Programs { get; init; } = [];

    /// <summary>An owner is on a DPRK programme or is listed with a North Korean nationality, citizenship or address.</summary>
    public bool IsDprk { get; init; }
}
