using HireVet.Application.Checks;
using HireVet.Application.Checks.Identity;
using HireVet.Application.Dossiers;

namespace HireVet.UnitTests.Checks.Identity;

public sealed class IdentityVerificationCheckTests
{
    private static readonly DateOnly Birthday = new(1991, 4, 12);

    private static Dossier Applicant(string legalName, params string[] otherNames) => new()
    {
        ExternalId = "c-1", LegalName = legalName, OtherNames = otherNames.Length == 0 ? null : otherNames, DateOfBirth = Birthday,
        IdentityDocument = new() { Type = "passport", IssuingCountry = "US", Number = "567120934", NameOnDocument = legalName.ToUpperInvariant() },
    };

    /// <summary>A Persona inquiry as the intake stores it: outcomes already read as passed/failed/needs_review.</summary>
    private static IdentityVerificationResult Persona(string verifiedName, DateOnly? dateOfBirth = null, string liveness = "passed",
        string document = "passed", string documentType = "passport", string country = "US") => new()
    {
        Id = 1, Vendor = "persona", VendorReference = "inq_9xPdZ3aKq1", VerifiedAt = new DateTimeOffset(2026, 11, 20, 15, 2, 0, TimeSpan.Zero),
        VerifiedName = verifiedName, DateOfBirth = dateOfBirth ?? Birthday, DocumentType = documentType, DocumentCountry = country,
        LivenessOutcome = liveness, DocumentOutcome = document,
    };

    private static CheckResult Run(Dossier d, params IdentityVerificationResult[] results) =>
        new IdentityVerificationCheck().Run(new VettingContext(1, d, []) { IdentityVerifications = results });

    [Fact]
    public void Without_a_result_the_check_is_not_evaluated()
    {
        Assert.NotNull(Run(Applicant("Emily Carter")).NotEvaluatedReason);
        Assert.NotNull(new IdentityVerificationCheck().Run(new VettingContext(1, Applicant("Emily Carter"), [])).NotEvaluatedReason);
    }

    [Theory]
    [InlineData("Emily Carter", "EMILY CARTER")]
    [InlineData("Jürgen Müller", "JUERGEN MUELLER")] // the ICAO spelling of a machine-readable zone
    [InlineData("José Álvarez", "Jose Alvarez")]
    public void The_legal_name_in_capitals_or_the_passport_spelling_with_passed_checks_raises_nothing(string legal, string verified) =>
        Assert.Equal(CheckResult.NotFired, Run(Applicant(legal), Persona(verified)));

    [Fact]
    public void The_name_the_dossier_already_gives_for_the_document_raises_nothing_here()
    {
        // The licence reads "Emily R. Carter"; the application says "Emily Carter". ID-01 compares those two.
        var d = Applicant("Emily Carter") with { IdentityDocument = new() { Type = "driver_licence", IssuingCountry = "US", NameOnDocument = "Emily R. Carter" } };
        Assert.Equal(CheckResult.NotFired, Run(d, Persona("EMILY R CARTER", documentType: "driver_licence")));
        Assert.Equal(Severity.Low, Assert.Single(Run(d with { IdentityDocument = null }, Persona("EMILY R CARTER")).Signals).Severity);
    }

    [Fact]
    public void A_married_surname_with_the_same_date_of_birth_is_low_and_names_the_likely_cause()
    {
        var signal = Assert.Single(Run(Applicant("Emily Carter"), Persona("Emily Johnson")).Signals);

        Assert.Equal(("ID-18", Severity.Low), (signal.IndicatorId, signal.Severity));
        Assert.Equal("a married or maiden surname", signal.Evidence["likelyCause"]!.GetValue<string>());
        Assert.Contains("S53", signal.Explanation);
    }

    [Fact]
    public void A_maiden_name_the_candidate_declared_is_low_as_a_declared_other_name()
    {
        var signal = Assert.Single(Run(Applicant("Emily Carter", "Emily Johnson"), Persona("EMILY JOHNSON")).Signals);
        Assert.Equal(("ID-18", Severity.Low, "a declared other name"), (signal.IndicatorId, signal.Severity, signal.Evidence["likelyCause"]!.GetValue<string>()));
    }

    [Fact]
    public void A_preferred_given_name_on_the_application_against_the_legal_one_on_the_document_is_low()
    {
        var signal = Assert.Single(Run(Applicant("Bob Smith"), Persona("Robert James Smith")).Signals);
        Assert.Equal((Severity.Low, "a nickname or preferred given name"), (signal.Severity, signal.Evidence["likelyCause"]!.GetValue<string>()));
    }

    [Fact]
    public void A_dropped_middle_name_and_another_romanisation_are_low_with_their_cause()
    {
        var middle = Assert.Single(Run(Applicant("Emily Rose Carter"), Persona("Emily Carter")).Signals);
        Assert.Equal((Severity.Low, "dropped or added middle name"), (middle.Severity, middle.Evidence["likelyCause"]!.GetValue<string>()));

        var romanised = Assert.Single(Run(Applicant("Lee Min-jun"), Persona("YI MINJUN")).Signals);
        Assert.Equal((Severity.Low, "transliteration"), (romanised.Severity, romanised.Evidence["likelyCause"]!.GetValue<string>()));
    }

    [Fact]
    public void Part_of_the_name_changed_without_a_date_of_birth_to_confirm_it_is_medium()
    {
        var noBirthDate = Applicant("Emily Carter") with { DateOfBirth = null, IdentityDocument = null };
        var signal = Assert.Single(Run(noBirthDate, Persona("Emily Johnson") with { DateOfBirth = null }).Signals);
        Assert.Equal(Severity.Medium, signal.Severity);
        Assert.Contains("no date of birth confirms", signal.Explanation);
    }

    [Fact]
    public void Another_person_is_high_on_the_name_and_on_the_date_of_birth()
    {
        var signals = Run(Applicant("Emily Carter"), Persona("Zhang Wei", new DateOnly(1988, 9, 30))).Signals;

        Assert.Equal([Severity.High, Severity.High], signals.Select(s => s.Severity));
        Assert.Contains(signals, s => s.Explanation.Contains("shares nothing with the candidate's legal name"));
        // How the dates differ, never the dates: the evidence is stored in clear.
        var birth = Assert.Single(signals, s => s.Evidence["dateOfBirth"]?.GetValue<string>() == "different");
        Assert.Equal("year, month, day", birth.Evidence["differsIn"]?.GetValue<string>());
        Assert.DoesNotContain("1988", birth.Evidence.ToJsonString());
    }

    [Fact]
    public void A_name_read_in_another_script_is_no_evidence_of_another_person_but_the_date_of_birth_still_is()
    {
        Assert.Equal(CheckResult.NotFired, Run(Applicant("Kim Sang Man"), Persona("김상만", documentType: "national_id", country: "KR")));
        var other = Assert.Single(Run(Applicant("Kim Sang Man"), Persona("김상만", new DateOnly(1979, 2, 3), documentType: "national_id")).Signals);
        Assert.Equal(Severity.High, other.Severity);
        Assert.Contains("date of birth", other.Explanation);
    }

    [Fact]
    public void Day_and_month_swapped_is_a_date_format_slip_and_low()
    {
        var signal = Assert.Single(Run(Applicant("Emily Carter"), Persona("Emily Carter", new DateOnly(1991, 12, 4))).Signals);
        Assert.Equal((Severity.Low, "day and month swapped"), (signal.Severity, signal.Evidence["likelyCause"]!.GetValue<string>()));
    }

    [Fact]
    public void A_failed_liveness_or_document_check_is_high_and_a_manual_review_low()
    {
        var failed = Run(Applicant("Emily Carter"), Persona("Emily Carter", liveness: "failed", document: "failed")).Signals;
        Assert.Equal([Severity.High, Severity.High], failed.Select(s => s.Severity));
        Assert.Equal(["liveness (selfie)", "document"], failed.Select(s => s.Evidence["check"]!.GetValue<string>()));

        var review = Assert.Single(Run(Applicant("Emily Carter"), Persona("Emily Carter", liveness: "needs_review")).Signals);
        Assert.Equal(Severity.Low, review.Severity);
        Assert.Contains("manual review", review.Explanation);
    }

    [Fact]
    public void Only_the_newest_result_counts_so_a_retry_after_a_blurred_selfie_clears()
    {
        var retried = Persona("Emily Carter") with { Id = 2, VendorReference = "inq_2" };
        var blurred = Persona("Emily Carter", liveness: "failed");
        var result = Run(Applicant("Emily Carter"), retried, blurred);
        Assert.Equal(CheckResult.NotFired, result);
    }

    [Fact]
    public void The_document_country_counts_only_where_it_contradicts_what_the_dossier_says_about_that_document()
    {
        var contradiction = Assert.Single(Run(Applicant("Emily Carter"), Persona("Emily Carter", country: "CA")).Signals);
        Assert.Equal(Severity.Medium, contradiction.Severity);
        Assert.Equal(("US", "CA"), (contradiction.Evidence["declaredIssuingCountry"]!.GetValue<string>(),
            contradiction.Evidence["verifiedIssuingCountry"]!.GetValue<string>()));

        // A dual citizen verifying with their other passport, when the dossier declared a US driving licence: who someone
        // is is no signal, and a different document cannot contradict the one declared.
        var licence = Applicant("Emily Carter") with { IdentityDocument = new() { Type = "driver_licence", IssuingCountry = "US", Number = "TX1234567" } };
        Assert.Equal(CheckResult.NotFired, Run(licence, Persona("Emily Carter", country: "KR")));
        // No declared issuing country: nothing to contradict.
        Assert.Equal(CheckResult.NotFired, Run(Applicant("Emily Carter") with { IdentityDocument = null }, Persona("Emily Carter", country: "KR")));
    }
}
