using System.Text.Json.Nodes;
using HireVet.Application.Dossiers;
using HireVet.Application.ReferenceData;
using HireVet.Application.ReferenceData.Banking;

namespace HireVet.Application.Checks.Payroll;

/// <summary>The IBAN does not fit its country's format: the wrong length, a BBAN of the wrong shape (digits where the
/// UK bank code has letters), or a country that issues no IBANs at all ("US…"). Check digits can be made to fit any
/// string, so a checksum-valid IBAN of an impossible shape was computed rather than copied from a bank statement. Like
/// the other impossible bank numbers (bank-numbers) it carries PAY-04 at medium severity: a typo or an invention, and
/// a reviewer should ask. The formats are reference data (ibantools' country table), so without them this check is
/// not evaluated, while the check digits, which need no data, are still checked by bank-numbers.</summary>
public sealed class IbanStructureCheck : ICheck
{
    public string Name => "iban-structure";
    public string[] Indicators => ["PAY-04"];

    public CheckResult Run(VettingContext context)
    {
        if (context.Dossier.PayrollDestination is not { Iban: { Length: > 0 } iban } pay)
            return CheckResult.NotEvaluated("The payroll destination has no IBAN.");
        if (context.Reference.Get<IbanSpecs>(Datasets.IbanSpecs) is not { } specs)
            return CheckResult.NotEvaluated(context.Reference.Unavailable(Datasets.IbanSpecs));
        if (specs.Problem(iban) is not { } problem) return CheckResult.NotFired;

        var spec = problem.Spec;
        return CheckResult.Fired(new RawSignal("PAY-04", Severity.Medium,
            $"The IBAN {CandidateIdentifiers.Mask(iban)} cannot be a real account: {problem.Describe()}.",
            new JsonObject
            {
                ["iban"] = CandidateIdentifiers.Mask(iban),
                ["ibanCountry"] = problem.Country,
                ["problem"] = problem.Kind,
                ["ibanLength"] = problem.ActualLength,
                ["expectedLength"] = spec?.Length,
                ["expectedBbanFormat"] = spec?.Format,
                ["bbanPattern"] = spec?.BbanPattern,
                ["position"] = problem.IbanPosition,
                ["inIbanRegistry"] = spec?.InIbanRegistry,
                ["bic"] = pay.Bic,
                ["bankName"] = pay.BankName,
                ["bankCountry"] = pay.BankCountry,
                ["method"] = pay.Method,
            }));
    }
}
