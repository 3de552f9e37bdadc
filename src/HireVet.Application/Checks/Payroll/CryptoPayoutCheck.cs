using System.Text.Json.Nodes;
using HireVet.Application.Dossiers;

namespace HireVet.Application.Checks.Payroll;

/// <summary>PAY-01: the candidate asks to be paid in virtual currency.</summary>
public sealed class CryptoPayoutCheck : ICheck
{
    public string Name => "crypto-payout";
    public string[] Indicators => ["PAY-01"];

    public CheckResult Run(VettingContext context)
    {
        var pay = context.Dossier.PayrollDestination;
        if (pay is null) return CheckResult.NotEvaluated("The dossier has no payroll destination.");
        if (pay.Method != "crypto" && pay.WalletAddress is null) return CheckResult.NotFired;
        return CheckResult.Fired(new RawSignal("PAY-01", Severity.High,
            $"The candidate asks to be paid in virtual currency{(pay.WalletTicker is null ? "" : $" ({pay.WalletTicker})")}.",
            new JsonObject
            {
                ["method"] = pay.Method,
                ["walletTicker"] = pay.WalletTicker,
                ["wallet"] = pay.WalletAddress is null ? null : CandidateIdentifiers.Mask(pay.WalletAddress),
            }));
    }
}
