using HireVet.Application.Candidates;

namespace HireVet.Quality.Corpus;

/// <summary>The ground truth the benchmark scores against: whether a dossier is honest or a ring member, and why it is
/// hard (honest hard case) or how it was built (the ring's tactics applied to this member).</summary>
public sealed record Labelled
{
    public required SubmitCandidate.Command Dossier { get; init; }
    public required bool IsRingMember { get; init; }
    /// <summary>Honest: the hard-case category ("baseline" when none). Ring member: "ring".</summary>
    public required string Category { get; init; }
    public int? Ring { get; init; }
    /// <summary>The documented tactics applied to this member (a subset of its ring's).</summary>
    public IReadOnlyList<string> Tactics { get; init; } = [];
    /// <summary>The person's name, kept so that the fairness check can swap it for one of another origin.</summary>
    public required PersonName Name { get; init; }
    /// <summary>Which form of the name each field carries, so that a swapped name keeps the same structure.</summary>
    public required NameForms Forms { get; init; }

    public string ExternalId => Dossier.ExternalId!;
}

/// <summary>Honest hard-case categories: each a share of the honest corpus, one per person.</summary>
public static class HardCases
{
    public const string Baseline = "baseline";
    public const string ApplePrivateRelay = "apple-private-relay";
    public const string Moonlighting = "moonlighting";
    public const string VpnUser = "vpn-user";
    public const string Traveller = "traveller";
    public const string Relatives = "relatives-one-address";
    public const string WisePayoneer = "wise-payoneer";
    public const string Transliterated = "transliterated-name";
    public const string LivingAbroad = "living-abroad";
    public const string Relocation = "recent-relocation";
    public const string SingleSessionAbroad = "single-session-abroad";
    public const string DualCitizenBank = "dual-citizen-bank";
    public const string CompanyVpn = "company-vpn-gateway";
    public const string TravelRouter = "travel-router";
    public const string ImmigrantPhone = "recent-immigrant-phone";
    public const string NameChange = "name-change";
    public const string ColleagueReference = "colleague-reference";

    /// <summary>Share of the honest corpus per category (sums to 1).</summary>
    public static readonly (string Category, double Share)[] Mix =
    [
        (Baseline, 0.16), (ApplePrivateRelay, 0.04), (Moonlighting, 0.03), (VpnUser, 0.06), (Traveller, 0.07),
        (Relatives, 0.06), (WisePayoneer, 0.05), (Transliterated, 0.06), (LivingAbroad, 0.07), (Relocation, 0.06),
        (SingleSessionAbroad, 0.07), (DualCitizenBank, 0.06), (CompanyVpn, 0.05), (TravelRouter, 0.05), (ImmigrantPhone, 0.05),
        (NameChange, 0.04), (ColleagueReference, 0.02),
    ];

    /// <summary>The cases that come from ties to other countries. People of some origins have them more often (family
    /// abroad, a second citizenship, a recent move), so these draw names unevenly (<see cref="HonestGenerator"/>): the
    /// fairness table then shows whether a flag on such a case falls on an origin.</summary>
    public static readonly HashSet<string> TiesAbroad =
        [Traveller, SingleSessionAbroad, LivingAbroad, Relocation, DualCitizenBank, ImmigrantPhone, TravelRouter];
}

/// <summary>The documented tactics rings are built from (indicators.md §1, §3).</summary>
public static class Tactics
{
    public const string LaptopFarm = "laptop-farm";
    public const string MulePayroll = "mule-payroll";
    public const string SanctionedWallet = "sanctioned-wallet";
    public const string PrcBank = "prc-bank";
    public const string SharedVoip = "shared-voip";
    public const string ReferralChain = "referral-chain";
    public const string FrontCompany = "front-company";
    public const string ReusedResume = "reused-resume";
    public const string VpnHosting = "vpn-hosting";
    public const string DeviceTimeZone = "device-time-zone";
    public const string ForeignIsp = "foreign-isp";
    public const string BackdatedProfile = "backdated-profile";
    public const string DprkIp = "dprk-ip";
    public const string SelfReference = "self-reference";

    /// <summary>The pool a ring draws 2-4 tactics from; the DPRK address block is added separately and rarely.</summary>
    public static readonly string[] Pool =
    [
        LaptopFarm, MulePayroll, SanctionedWallet, PrcBank, SharedVoip, ReferralChain, FrontCompany, ReusedResume,
        VpnHosting, DeviceTimeZone, ForeignIsp, BackdatedProfile, SelfReference,
    ];

    /// <summary>Tactics that work by sharing a resource between members: at least two members must use them.</summary>
    public static readonly HashSet<string> Shared = [LaptopFarm, MulePayroll, SharedVoip, ReusedResume, SanctionedWallet];

    /// <summary>Share of a ring's members a tactic reaches (rings are not uniform; some members share one thing only).</summary>
    public static double Reach(string tactic) => tactic switch
    {
        LaptopFarm => 0.7,
        MulePayroll => 0.55,
        SanctionedWallet => 0.45,
        PrcBank => 0.55,
        SharedVoip => 0.5,
        ReferralChain => 0.8,
        FrontCompany => 0.3,
        ReusedResume => 0.65,
        VpnHosting => 0.6,
        DeviceTimeZone => 0.55,
        ForeignIsp => 0.35,
        BackdatedProfile => 0.45,
        DprkIp => 0.3,
        SelfReference => 0.5,
        _ => 0.5,
    };
}
