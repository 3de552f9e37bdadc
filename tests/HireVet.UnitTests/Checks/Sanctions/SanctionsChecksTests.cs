using HireVet.Application.Checks;
using HireVet.Application.Checks.Sanctions;
using HireVet.Application.Dossiers;
using HireVet.Application.ReferenceData;
using HireVet.Application.Vetting.Scoring;
using static HireVet.UnitTests.Checks.CheckTestData;

namespace HireVet.UnitTests.Checks.Sanctions;

/// <summary>On the real OFAC list of 2025-11-19: Kim Sang Man (profile 43377, DPRK4, IT-worker revenue launderer),
/// Yanbian Silverstar (a DPRK IT-worker front), Song Kum Hyok (CYBER4), Lazarus Group's wallets.</summary>
public sealed class SanctionsChecksTests
{
    private static VettingContext With(Dossier d) => new(1, d, [], TestReferenceData.Snapshot);

    private static Dossier Person(string legalName, DateOnly? dob = null) => new()
    {
        ExternalId = "s-1", LegalName = legalName, DateOfBirth = dob, ClaimedResidence = Home,
    };

    [Fact]
    public void An_ordinary_candidate_has_no_sanctions_hit()
    {
        Assert.Equal(CheckResult.NotFired, new SanctionsScreeningCheck().Run(With(Person("Emily Carter"))));
    }

    [Fact]
    public void A_DPRK_programme_name_in_another_romanisation_is_a_critical_hit_with_its_reasons()
    {
        var signal = new SanctionsScreeningCheck().Run(With(Person("Sang-Man Gim"))).Signals.First();

        Assert.Equal(("PAY-13", Severity.Critical), (signal.IndicatorId, signal.Severity));
        Assert.Equal(43377, signal.Evidence["sdn"]!["profileId"]!.GetValue<int>());
        Assert.Contains("DPRK4", signal.Explanation);
        Assert.True(signal.Evidence["sdn"]!["dprkProgram"]!.GetValue<bool>());
        Assert.NotEmpty(signal.Evidence["reasons"]!.AsArray());
    }

    [Fact]
    public void A_namesake_whose_date_of_birth_differs_is_only_medium()
    {
        var sdn = TestReferenceData.Snapshot.Get<HireVet.Application.ReferenceData.Sanctions.SanctionsIndex>(Datasets.OfacSdn)!;
        var listedDob = sdn.Screen("Kim Sang Man").First().Entry.DatesOfBirth.FirstOrDefault();
        Assert.NotNull(listedDob); // the entry has a date of birth to disagree with

        var signal = new SanctionsScreeningCheck().Run(With(Person("Kim Sang Man", new DateOnly(1999, 1, 1)))).Signals.First();

        Assert.Equal(Severity.Medium, signal.Severity);
        Assert.Equal("mismatch", signal.Evidence["dateOfBirth"]!.GetValue<string>());
    }

    [Fact]
    public void A_payee_who_is_the_candidate_is_screened_with_the_candidates_date_of_birth()
    {
        var namesake = Person("Sang Man Kim", new DateOnly(1999, 1, 1)) with
        {
            PayrollDestination = new PayrollDestination { Method = "bank_transfer", AccountHolderName = "Kim Sangman" },
        };

        var signals = new SanctionsScreeningCheck().Run(With(namesake)).Signals;

        var payee = Assert.Single(signals, s => s.Evidence["field"]!.GetValue<string>() == "payroll account holder");
        Assert.Equal((Severity.Medium, "mismatch"), (payee.Severity, payee.Evidence["dateOfBirth"]!.GetValue<string>()));
    }

    [Fact]
    public void A_payee_who_is_someone_else_is_screened_without_the_candidates_date_of_birth()
    {
        var d = Person("Emily Carter", new DateOnly(1999, 1, 1)) with
        {
            PayrollDestination = new PayrollDestination { Method = "bank_transfer", AccountHolderName = "Kim Sang Man" },
        };

        var payee = Assert.Single(new SanctionsScreeningCheck().Run(With(d)).Signals);

        Assert.Equal(("payroll account holder", Severity.Critical), (payee.Evidence["field"]!.GetValue<string>(), payee.Severity));
    }

    [Fact]
    public void A_previous_employer_that_is_a_listed_front_company_is_a_hit()
    {
        var d = Person("Emily Carter") with
        {
            EmploymentHistory = [new Employment { Employer = "Yanbian Silverstar Network Technology Co., Ltd.", StartedOn = new DateOnly(2019, 1, 1) }],
        };

        var signal = Assert.Single(new SanctionsScreeningCheck().Run(With(d)).Signals);

        Assert.Equal("previous employer", signal.Evidence["field"]!.GetValue<string>());
        Assert.Contains("Yanbian", signal.Explanation, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_candidate_named_like_a_listed_vessel_is_not_a_hit()
    {
        // IVAN SIDORENKO (profile 32972) is a vessel; a person of that name is screened against individuals only.
        Assert.Equal(CheckResult.NotFired, new SanctionsScreeningCheck().Run(With(Person("Ivan Sidorenko"))));
    }

    [Fact]
    public void A_generic_employer_name_is_not_matched_to_a_listed_company_after_its_legal_form_is_stripped()
    {
        var d = Person("Emily Carter") with
        {
            EmploymentHistory = [new Employment { Employer = "Global Trading LLC", StartedOn = new DateOnly(2019, 1, 1) }],
        };

        Assert.Equal(CheckResult.NotFired, new SanctionsScreeningCheck().Run(With(d)));
    }

    [Fact]
    public void A_common_name_matched_on_the_name_alone_is_a_name_only_match_for_review_saying_what_would_confirm_it()
    {
        var signal = new SanctionsScreeningCheck().Run(With(Person("Mohammed Ali"))).Signals.First();

        Assert.Equal(Severity.High, signal.Severity);
        Assert.Equal("name-only", signal.Evidence["match"]!.GetValue<string>());
        Assert.True(signal.Evidence["commonName"]!.GetValue<bool>());
        Assert.Contains("name-only match", signal.Explanation);
        Assert.Contains(signal.Evidence["wouldConfirm"]!.AsArray(), w => w!.GetValue<string>().StartsWith("date of birth", StringComparison.Ordinal));
    }

    [Fact]
    public void A_person_listed_with_a_patronymic_is_found_by_given_name_and_surname()
    {
        var signal = Assert.Single(new SanctionsScreeningCheck().Run(With(Person("Ramzan Kadyrov"))).Signals);

        Assert.Equal(23343, signal.Evidence["sdn"]!["profileId"]!.GetValue<int>());
        Assert.Equal(Severity.High, signal.Severity);
    }

    [Fact]
    public void A_payout_to_a_Lazarus_Group_wallet_is_critical_and_the_case_of_an_EVM_address_does_not_matter()
    {
        var d = Person("Alex Morgan") with
        {
            PayrollDestination = new PayrollDestination { Method = "crypto", WalletTicker = "ETH", WalletAddress = "0x098b716b8aaf21512996dc57eb0615e2383e2f96" },
        };

        var signal = Assert.Single(new SanctionedWalletCheck().Run(With(d)).Signals);

        Assert.Equal(("PAY-13", Severity.Critical), (signal.IndicatorId, signal.Severity));
        Assert.Equal("Lazarus Group", signal.Evidence["sdnName"]!.GetValue<string>());
        Assert.Equal((100, "high"), Ruleset.Embedded.Score([new Signal { IndicatorId = "PAY-13", Severity = Severity.Critical }]));
    }

    [Fact]
    public void An_unlisted_wallet_raises_nothing_and_missing_lists_are_not_evaluated()
    {
        var d = Person("Alex Morgan") with
        {
            PayrollDestination = new PayrollDestination { Method = "crypto", WalletTicker = "USDT", WalletAddress = "TXq7Lh2bGm8NnVJ4qk1wq3cYdW8ZrP5uFe" },
        };
        Assert.Equal(CheckResult.NotFired, new SanctionedWalletCheck().Run(With(d)));

        var empty = new VettingContext(1, d, [], ReferenceSnapshot.Empty);
        Assert.Contains("ofac-crypto-addresses", new SanctionedWalletCheck().Run(empty).NotEvaluatedReason);
        Assert.Contains("ofac-sdn", new SanctionsScreeningCheck().Run(empty).NotEvaluatedReason);
    }
}
