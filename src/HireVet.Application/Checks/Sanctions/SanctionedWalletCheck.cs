using System.Text.Json.Nodes;
using HireVet.Application.Dossiers;
using HireVet.Application.ReferenceData;
using HireVet.Application.ReferenceData.Sanctions;

namespace HireVet.Application.Checks.Sanctions;

/// <summary>PAY-13: the payout wallet is an address OFAC lists; critical when its owner is DPRK-linked.</summary>
public sealed class SanctionedWalletCheck : ICheck
{
    public string Name => "sanctioned-wallet";
    public string[] Indicators => ["PAY-13"];

    public CheckResult Run(VettingContext context)
    {
        if (context.Dossier.PayrollDestination?.WalletAddress is not { Length: > 0 } wallet)
            return CheckResult.NotEvaluated("The dossier has no payout wallet address.");
        if (context.Reference.Get<SanctionedAddresses>(Datasets.OfacCryptoAddresses) is not { } listed)
            return CheckResult.NotEvaluated(context.Reference.Unavailable(Datasets.OfacCryptoAddresses));
        if (listed.Find(wallet) is not { } hit) return CheckResult.NotFired;

        return CheckResult.Fired(new RawSignal("PAY-13", hit.IsDprk ? Severity.Critical : Severity.High,
            $"The payout wallet is on the OFAC SDN list, owned by \"{hit.SdnName ?? "an SDN entry"}\" ({string.Join(", ", hit.Programs)})" +
            $"{(hit.IsDprk ? ", a DPRK-linked entry" : "")}.",
            new JsonObject
            {
                ["wallet"] = CandidateIdentifiers.Mask(wallet),
                ["listedAs"] = new JsonArray([.. hit.Tickers.Select(t => (JsonNode)t)]),
                ["sdnProfileIds"] = new JsonArray([.. hit.SdnEntryIds.Select(i => (JsonNode)i)]),
                ["sdnName"] = hit.SdnName,
                ["programs"] = new JsonArray([.. hit.Programs.Select(p => (JsonNode)p)]),
                ["dprkLinked"] = hit.IsDprk,
            }));
    }
}
