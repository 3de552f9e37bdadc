using System.Text.Json.Nodes;
using HireVet.Application.Common.Formats.Banking;
using HireVet.Application.Dossiers;

namespace HireVet.Application.Checks.Payroll;

/// <summary>The bank numbers are not real: an IBAN that fails its check digits, a US routing number that fails the ABA
/// format or checksum, or a BIC with no real country or a SWIFT test-and-training BIC. (Intake already refuses an IBAN
/// with wrong check digits; this needs no reference data, so it still holds for anything stored another way. Each
/// country's IBAN length and BBAN format are the iban-structure check's, which needs the iban-specs dataset.) The catalogue has no indicator for invalid bank numbers; the nearest
/// is PAY-04, whose mitigation is to "verify that banking information corresponds" to the identity, so these signals
/// carry PAY-04 at medium severity: a number that cannot exist is either a typo or invented, and a reviewer should ask.
/// The ruleset must therefore weigh PAY-04 per severity, so this never counts as much as a third-party payee.</summary>
public sealed class BankNumberCheck : ICheck
{
    public string Name => "bank-numbers";
    public string[] Indicators => ["PAY-04"];

    public CheckResult Run(VettingContext context)
    {
        if (context.Dossier.PayrollDestination is not { } pay) return CheckResult.NotEvaluated("The dossier has no payroll destination.");
        var iban = pay.Iban is { Length: > 0 } i ? i : null;
        var routing = pay.RoutingNumber is { Length: > 0 } r ? r : null;
        var bic = pay.Bic is { Length: > 0 } b ? b : null;
        if (iban is null && routing is null && bic is null)
            return CheckResult.NotEvaluated("The payroll destination has no IBAN, routing number or BIC.");

        var signals = new List<RawSignal>();
        var evaluated = false;

        if (iban is not null)
        {
            evaluated = true;
            if (Iban.Problem(iban) is { } problem)
            {
                signals.Add(new RawSignal("PAY-04", Severity.Medium,
                    $"The IBAN {CandidateIdentifiers.Mask(iban)} cannot be a real account: {problem}.",
                    Evidence(pay, new JsonObject { ["problem"] = problem })));
            }
        }
        var countries = BankCountries.Of(pay).Known.Select(k => k.Country).ToArray();

        // Routing numbers of other countries (UK sort codes, Canadian transit numbers, Australian BSBs) have other
        // rules, so only a bank placed in the US, or a 9-digit number with no country at all, is held to ABA rules.
        var usBank = countries.Any(c => BankingAreas.AreaOf(c) == "US");
        if (routing is not null && (usBank || (countries.Length == 0 && routing.Length == 9)))
        {
            evaluated = true;
            if (AbaRoutingNumber.Problem(routing) is { } problem)
            {
                signals.Add(new RawSignal("PAY-04", Severity.Medium,
                    $"The routing number {routing} is not a valid US ABA routing number ({problem}).",
                    Evidence(pay, new JsonObject { ["routingNumber"] = routing, ["problem"] = problem })));
            }
        }

        if (bic is not null)
        {
            evaluated = true;
            if (!Bic.TryParse(bic, out var parts, out var problem))
            {
                signals.Add(new RawSignal("PAY-04", Severity.Medium,
                    $"The BIC {bic} cannot be a real bank's ({problem}).",
                    Evidence(pay, new JsonObject { ["problem"] = problem })));
            }
            else if (parts.IsTest)
            {
                signals.Add(new RawSignal("PAY-04", Severity.Medium,
                    $"The BIC {bic} is a SWIFT test-and-training code (its 8th character is 0), which cannot receive real payments.",
                    Evidence(pay, new JsonObject { ["problem"] = "test BIC" })));
            }
        }

        if (!evaluated)
        {
            return CheckResult.NotEvaluated(countries.Length == 0
                ? $"The routing number has {routing!.Length} digits and no bank country is given, so it is not taken for a US ABA number."
                : $"The routing number belongs to a bank outside the US ({string.Join(", ", countries.Distinct())}), whose numbers HireVet cannot check.");
        }
        return signals.Count > 0 ? CheckResult.Fired([.. signals]) : CheckResult.NotFired;
    }

    private static JsonObject Evidence(PayrollDestination pay, JsonObject evidence)
    {
        evidence["iban"] = pay.Iban is { Length: > 0 } iban ? CandidateIdentifiers.Mask(iban) : null;
        evidence["bic"] = pay.Bic;
        evidence["bankName"] = pay.BankName;
        evidence["bankCountry"] = pay.BankCountry;
        evidence["accountNumber"] = pay.AccountNumber is { Length: > 0 } account ? CandidateIdentifiers.Mask(account) : null;
        evidence["method"] = pay.Method;
        return evidence;
    }
}
