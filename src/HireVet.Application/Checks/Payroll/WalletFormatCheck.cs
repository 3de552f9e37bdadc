using System.Text.Json.Nodes;
using HireVet.Application.Common.Formats.Crypto;
using HireVet.Application.Dossiers;

namespace HireVet.Application.Checks.Payroll;

/// <summary>PAY-01 context: the payout wallet address is not a valid address of the currency given for it (wrong
/// checksum, wrong chain, wrong length). Pay sent there would be lost or go to someone else, and a made-up or
/// mistyped wallet deserves a question. The crypto payout itself is raised by crypto-payout.</summary>
public sealed class WalletFormatCheck : ICheck
{
    public string Name => "wallet-format";
    public string[] Indicators => ["PAY-01"];

    public CheckResult Run(VettingContext context)
    {
        var pay = context.Dossier.PayrollDestination;
        if (pay?.WalletAddress is not { Length: > 0 } wallet)
            return CheckResult.NotEvaluated("The dossier has no payout wallet address.");
        if (pay.WalletTicker is not { Length: > 0 } ticker)
            return CheckResult.NotEvaluated("The wallet has no currency ticker, so its address format is unknown.");

        var result = CryptoAddress.Validate(ticker, wallet);
        if (!result.Checked) return CheckResult.NotEvaluated($"HireVet has no address format rule for {ticker}.");
        if (result.Valid) return CheckResult.NotFired;

        return CheckResult.Fired(new RawSignal("PAY-01", Severity.Medium,
            $"The wallet address is not a valid {ticker} address ({result.Problem}).",
            new JsonObject
            {
                ["walletTicker"] = ticker,
                ["wallet"] = CandidateIdentifiers.Mask(wallet),
                ["format"] = result.Format,
                ["problem"] = result.Problem,
            }));
    }
}
