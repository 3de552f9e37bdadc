using System.Text.Json.Nodes;
using HireVet.Application.Checks.Identity;
using HireVet.Application.Checks.Payroll;
using static HireVet.Application.Checks.PostHire.PostHireData;

namespace HireVet.Application.Checks.PostHire;

/// <summary>PAY-08: after the hire, the worker's pay was moved to an account held in a name that is none of the
/// worker's declared names (legal name and other names), compared as <see cref="PayeeNameCheck"/> does,
/// so transliterations, word order, initials' spacing and diacritics do not fire.</summary>
public sealed class PayrollHolderChangeCheck : ICheck
{
    public string Name => "payroll-holder-change";
    public string[] Indicators => ["PAY-08"];

    public CheckResult Run(VettingContext context)
    {
        if (context.PostHire is not { } activity) return CheckResult.NotEvaluated(NotHired);
        var d = context.Dossier;
        if (string.IsNullOrWhiteSpace(d.LegalName)) return CheckResult.NotEvaluated("The dossier has no legal name.");

        var elsewhere = activity.PayrollChanges
            .Where(c => c.Destination.AccountHolderName is { Length: > 0 } holder && CandidateNames.Best(d, holder).Match == NameMatch.Different)
            .OrderBy(c => c.EffectiveDate)
            .ToArray();
        if (elsewhere.Length == 0) return CheckResult.NotFired;

        var holders = string.Join(", ", elsewhere.Select(c => $"\"{c.Destination.AccountHolderName}\"").Distinct());
        return CheckResult.Fired(new RawSignal("PAY-08", Severity.High,
            $"The worker's pay was moved to an account held by {holders} (effective {elsewhere[0].EffectiveDate:yyyy-MM-dd}), who is not the worker by any declared name.",
            new JsonObject
            {
                ["changes"] = Limited(elsewhere, PayrollChangeVelocityCheck.ToJson),
                ["declaredNames"] = CandidateNames.ToJson(CandidateNames.Declared(d)),
            }));
    }
}
