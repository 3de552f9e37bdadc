using System.Text.Json.Nodes;
using HireVet.Application.Common.Formats;
using HireVet.Application.Dossiers;

namespace HireVet.Application.Checks.Payroll;

/// <summary>PAY-02: the payroll bank is in another country than the one the candidate says they live in (high when
/// the bank is in mainland China or Hong Kong, which the advisories name: "especially to PRC-based bank accounts";
/// low when both are in the EEA, where banking in another member state is ordinary), or the bank details disagree
/// with each other about the country. Compares the candidate's own declarations, never who the candidate is.</summary>
public sealed class BankCountryCheck : ICheck
{
    private static readonly HashSet<string> PrcBankCountries = new(StringComparer.Ordinal) { "CN", "HK" };

    public string Name => "bank-country";
    public string[] Indicators => ["PAY-02"];

    public CheckResult Run(VettingContext context)
    {
        var d = context.Dossier;
        if (d.PayrollDestination is not { } pay) return CheckResult.NotEvaluated("The dossier has no payroll destination.");
        var countries = BankCountries.Of(pay);
        var known = countries.Known;
        if (known.Count == 0)
            return CheckResult.NotEvaluated("The payroll destination gives no bank country (no IBAN, BIC or bank country).");

        var signals = new List<RawSignal>();
        if (Contradiction(pay, countries, known) is { } contradiction) signals.Add(contradiction);

        var residence = d.ClaimedResidence?.Country?.Trim().ToUpperInvariant();
        if (!CountryCodes.IsIsoAlpha2(residence))
        {
            return signals.Count > 0
                ? CheckResult.Fired([.. signals])
                : CheckResult.NotEvaluated("The dossier has no claimed country of residence to compare the bank with.");
        }

        var (source, bank) = known[0];
        if (!BankingAreas.Same(bank, residence!))
        {
            var severity = PrcBankCountries.Contains(bank) ? Severity.High
                : BankingAreas.BothInEea(bank, residence!) ? Severity.Low
                : Severity.Medium;
            var reason = severity switch
            {
                Severity.High => "; the advisories single out payments to PRC-based bank accounts",
                Severity.Low => "; both are in the EEA, where an account in another member state is common",
                _ => "",
            };
            signals.Add(new RawSignal("PAY-02", severity,
                $"Pay would go to a bank in {bank} (from the {BankCountries.Describe(source)}) although the candidate says they live in {residence}{reason}.",
                Evidence(pay, countries, new JsonObject
                {
                    ["bankCountry"] = bank,
                    ["bankCountrySource"] = source,
                    ["residenceCountry"] = residence,
                }))
            {
                // A bank kept in a country lived in before, or of a second home: one life event explains it, unless
                // it is a PRC bank, which the advisories name.
                Place = severity == Severity.High ? null : bank,
            });
        }

        return signals.Count > 0 ? CheckResult.Fired([.. signals]) : CheckResult.NotFired;
    }

    private static RawSignal? Contradiction(PayrollDestination pay, BankCountries countries, IReadOnlyList<(string Source, string Country)> known)
    {
        if (known.All(k => BankingAreas.Same(k.Country, known[0].Country))) return null;
        var parts = known.Select(k => $"the {BankCountries.Describe(k.Source)} says {k.Country}").ToArray();
        var listed = parts.Length == 2 ? $"{parts[0]} and {parts[1]}" : $"{parts[0]}, {parts[1]} and {parts[2]}";
        return new RawSignal("PAY-02", Severity.Medium,
            $"The bank details contradict each other: {listed}.",
            Evidence(pay, countries, []));
    }

    private static JsonObject Evidence(PayrollDestination pay, BankCountries countries, JsonObject evidence)
    {
        evidence["ibanCountry"] = countries.IbanCountry;
        evidence["bicCountry"] = countries.BicCountry;
        evidence["declaredBankCountry"] = countries.DeclaredCountry;
        evidence["iban"] = pay.Iban is { Length: > 0 } iban ? CandidateIdentifiers.Mask(iban) : null;
        evidence["bic"] = pay.Bic;
        evidence["bankName"] = pay.BankName;
        evidence["method"] = pay.Method;
        return evidence;
    }
}
