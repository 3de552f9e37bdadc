using System.Text.Json;
using System.Text.Json.Nodes;
using HireVet.Application.Dossiers;
using HireVet.Application.Dossiers.Addresses;
using HireVet.Application.ReferenceData;
using HireVet.Application.ReferenceData.Network;
using K = HireVet.Application.Dossiers.CandidateIdentifiers.Kinds;

namespace HireVet.Application.Checks.Links;

/// <summary>LINK-01/02/04/05/06: an identifier of this candidate (ID document, email or phone, residential IP address,
/// bank account or wallet, shipping address) is also on other candidates, who are named in the evidence.</summary>
public sealed class SharedIdentifiersCheck : ICheck
{
    private static readonly Dictionary<string, (string Indicator, string Severity, string What)> ByKind = new()
    {
        [K.IdDocument] = ("LINK-01", Severity.High, "identity document"),
        [K.Email] = ("LINK-02", Severity.High, "email address"),
        [K.Phone] = ("LINK-02", Severity.High, "phone number"),
        [K.BankAccount] = ("LINK-05", Severity.High, "payroll account"),
        [K.Wallet] = ("LINK-05", Severity.High, "crypto wallet"),
        [K.ShippingAddress] = ("LINK-06", Severity.Medium, "shipping address"),
        [K.Ip] = ("LINK-04", Severity.High, "IP address"),
    };

    public string Name => "shared-identifiers";
    public string[] Indicators => ["LINK-01", "LINK-02", "LINK-04", "LINK-05", "LINK-06"];

    public CheckResult Run(VettingContext context)
    {
        if (CandidateIdentifiers.From(context.Dossier).Count == 0)
            return CheckResult.NotEvaluated("The dossier has no identifier that could be shared (email, phone, document, account, wallet, shipping address).");
        var network = context.Reference.Get<NetworkIntelligence>(Datasets.Network);
        var household = Household(context);
        var signals = context.SharedIdentifiers
            .Where(s => s.Kind != K.Ip || !CandidateGraph.IsSharedByNature(network, s.Display))
            .Where(s => !(s.Kind is K.ShippingAddress or K.Ip && household.Contains(s.OtherCandidateId)))
            .GroupBy(s => (s.Kind, s.Display))
            .OrderBy(g => g.Key.Kind)
            .Select(g =>
            {
                var (indicator, severity, what) = ByKind[g.Key.Kind];
                var others = g.DistinctBy(s => s.OtherCandidateId).ToArray();
                var names = string.Join(", ", others.Take(3).Select(o => $"{o.OtherLegalName} ({o.OtherExternalId})"));
                return new RawSignal(indicator, severity,
                    $"The same {what} is on {others.Length} other candidate{(others.Length == 1 ? "" : "s")}: {names}{(others.Length > 3 ? ", ..." : "")}.",
                    new JsonObject
                    {
                        ["identifierKind"] = g.Key.Kind,
                        ["identifier"] = g.Key.Display,
                        ["otherCandidates"] = new JsonArray([.. others.Select(o => (JsonNode)new JsonObject
                        {
                            ["id"] = o.OtherCandidateId,
                            ["externalId"] = o.OtherExternalId,
                            ["legalName"] = o.OtherLegalName,
                            ["status"] = o.OtherStatus,
                        })]),
                    });
            })
            .ToArray();
        return signals.Length == 0 ? CheckResult.NotFired : CheckResult.Fired(signals);
    }

    /// <summary>A household is not a laptop farm: people who claim the same residence, with the laptop going to that
    /// residence, naturally share its address and its internet connection. More than this many others is no household.</summary>
    public const int HouseholdLimit = 3;

    /// <summary>The other candidates who are this candidate's household (empty when the laptop ships elsewhere).</summary>
    internal static HashSet<long> Household(VettingContext context)
    {
        var d = context.Dossier;
        if (d.ClaimedResidence is not { } home) return [];
        var homeParts = home.ToParts();
        if (d.EquipmentShipping?.Address is { } ship && !AddressNormalizer.SamePlace(ship.ToParts(), homeParts)) return [];
        var sameHome = context.SharedIdentifiers
            .Where(s => s.OtherResidence is not null)
            .DistinctBy(s => s.OtherCandidateId)
            .Where(s => JsonSerializer.Deserialize<PostalAddress>(s.OtherResidence!, DossierJson.Options) is { } theirs
                        && AddressNormalizer.SamePlace(theirs.ToParts(), homeParts))
            .Select(s => s.OtherCandidateId)
            .ToHashSet();
        return sameHome.Count <= HouseholdLimit ? sameHome : [];
    }
}
