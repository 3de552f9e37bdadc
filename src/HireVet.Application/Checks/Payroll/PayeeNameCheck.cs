using System.Text.Json.Nodes;
using HireVet.Application.Checks.Identity;

namespace HireVet.Application.Checks.Payroll;

/// <summary>PAY-04: pay would go to an account held by someone other than the candidate (high), or under a name that
/// differs from a declared one in a single name only (medium: likely a married or maiden surname or a preferred name).</summary>
public sealed class PayeeNameCheck : ICheck
{
    public string Name => "payee-name";
    public string[] Indicators => ["PAY-04"];

    public CheckResult Run(VettingContext context)
    {
        var d = context.Dossier;
        if (d.PayrollDestination?.AccountHolderName is not { Length: > 0 } holder)
            return CheckResult.NotEvaluated("The dossier has no payroll account holder name.");
        var (match, _) = CandidateNames.Best(d, holder);
        if (match != NameMatch.Different) return CheckResult.NotFired;
        var oneName = NameChange.DiffersInOneName(d, holder);
        return CheckResult.Fired(new RawSignal("PAY-04", oneName is null ? Severity.High : Severity.Medium,
            oneName is null
                ? $"Pay would go to an account held by \"{holder}\", who is not the candidate by any declared name."
                : $"Pay would go to an account held by \"{holder}\", which differs from \"{oneName}\" in one name only: likely {NameChange.Causes}. Confirm the account holder with the bank's letter or a statement.",
            new JsonObject
            {
                ["accountHolderName"] = holder,
                ["method"] = d.PayrollDestination.Method,
                ["bankName"] = d.PayrollDestination.BankName,
                ["platform"] = d.PayrollDestination.Platform,
                ["declaredNames"] = CandidateNames.ToJson(CandidateNames.Declared(d)),
                ["likelyCause"] = oneName is null ? null : NameChange.Causes,
            }));
    }
}
