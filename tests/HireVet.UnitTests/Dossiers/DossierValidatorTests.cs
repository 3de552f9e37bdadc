using HireVet.Application.Candidates;
using HireVet.Application.Dossiers;

namespace HireVet.UnitTests.Dossiers;

/// <summary>Intake takes what real exports send (month and year dates, vendor spellings) and stores canonical values;
/// it still refuses what is truly wrong, naming the field, and names no real person could have.</summary>
public sealed class DossierValidatorTests
{
    private static readonly SubmitCandidate.Validator Validator = new(TimeProvider.System);

    // As an applicant-tracking system exports it: dates to the month, the US spelling of the document type.
    private static SubmitCandidate.Command FromAnAtsExport() => new()
    {
        ExternalId = "gh-7841",
        LegalName = "Dana Whitfield",
        IdentityDocument = new() { Type = "driver_license", IssuingCountry = "us", Number = "D1234567", NameOnDocument = "Dana Whitfield" },
        EmploymentHistory =
        [
            new() { Employer = "Acme Corp", StartedOn = PartialDate.OfMonth(2019, 6), EndedOn = PartialDate.OfMonth(2022, 3) },
            new() { Employer = "Globex", StartedOn = PartialDate.OfYear(2022) },
        ],
        Education = [new() { Institution = "State University", StartedOn = PartialDate.OfYear(2012), EndedOn = PartialDate.OfYear(2016) }],
        Profiles = [new() { Kind = "LinkedIn", Url = "https://www.linkedin.com/in/dana" }],
        PayrollDestination = new() { Method = "Direct Deposit", AccountHolderName = "Dana Whitfield", AccountNumber = "771100245", RoutingNumber = "064000017" },
    };

    [Fact]
    public void A_dossier_as_an_ats_exports_it_is_accepted_and_stored_with_canonical_values_and_its_dates_precision()
    {
        var dossier = FromAnAtsExport();
        Assert.True(Validator.Validate(dossier).IsValid, string.Join("; ", Validator.Validate(dossier).Errors));

        var stored = DossierNormalizer.Normalize(dossier);
        Assert.Equal("driver_licence", stored.IdentityDocument!.Type);
        Assert.Equal("bank_transfer", stored.PayrollDestination!.Method);
        Assert.Equal("linkedin", Assert.Single(stored.Profiles!).Kind);
        Assert.Equal(["2019-06", "2022"], stored.EmploymentHistory!.Select(j => j.StartedOn.ToString()));
    }

    [Theory]
    [InlineData("Dana\u202EdlefhtiW")]     // right-to-left override: displays as another name
    [InlineData("Dana\u2066Whitfield\u2069")] // isolate
    [InlineData("Dana\u200FWhitfield")]      // right-to-left mark
    [InlineData("Dana\tWhitfield")]
    [InlineData("Dana\u0000Whitfield")]
    public void A_name_with_control_or_text_direction_characters_is_refused_naming_the_field(string name)
    {
        var errors = Validator.Validate(FromAnAtsExport() with { LegalName = name }).Errors;
        Assert.Contains(errors, e => e.PropertyName == "LegalName" && e.ErrorMessage.Contains("text-direction"));
        var payee = FromAnAtsExport() with { PayrollDestination = FromAnAtsExport().PayrollDestination! with { AccountHolderName = name } };
        Assert.Contains(Validator.Validate(payee).Errors, e => e.PropertyName == "PayrollDestination.AccountHolderName");
    }

    [Fact]
    public void Names_in_scripts_that_need_joiners_are_accepted()
    {
        // Persian uses the zero-width non-joiner inside words.
        Assert.True(Validator.Validate(FromAnAtsExport() with { LegalName = "مهدی\u200Cپور" }).IsValid);
    }

    [Fact]
    public void What_is_truly_wrong_is_still_refused_naming_the_field()
    {
        var dossier = FromAnAtsExport() with
        {
            IdentityDocument = FromAnAtsExport().IdentityDocument! with { Type = "library card" },
            EmploymentHistory = [new() { Employer = "Acme", StartedOn = PartialDate.OfMonth(2021, 6), EndedOn = PartialDate.OfYear(2020) }],
        };
        var errors = Validator.Validate(dossier).Errors;
        Assert.Contains(errors, e => e.PropertyName == "IdentityDocument.Type" && e.ErrorMessage.Contains("driver_licence"));
        Assert.Contains(errors, e => e.PropertyName == "EmploymentHistory[0].EndedOn");
    }

    [Fact]
    public void Profile_activity_to_the_month_or_year_and_a_references_submission_are_accepted()
    {
        var dossier = FromAnAtsExport() with
        {
            Profiles =
            [
                new()
                {
                    Kind = "github", Handle = "dwhitfield", FirstActivityOn = PartialDate.OfYear(2013), LastActivityOn = PartialDate.OfMonth(2026, 10),
                    LongestInactiveGap = new() { From = PartialDate.OfMonth(2016, 5), To = PartialDate.OfYear(2019) },
                    EarliestContentOn = PartialDate.OfYear(2012), ContentImported = true, DistinctCommitEmails = 3,
                },
            ],
            NetworkObservations = [new() { Ip = "73.162.10.20", ObservedAt = DateTimeOffset.UtcNow.AddDays(-3), DeviceId = "8F1C2A77-5D0E" }],
            References =
            [
                new() { Name = "Priya Raman", SubmittedFrom = new() { Ip = "2601:646:8d00::1f" } },
                new() { Name = "Sam Ortiz", SubmittedFrom = new() { DeviceId = "c0ffee00-1111", At = DateTimeOffset.UtcNow.AddDays(-1) } },
            ],
        };
        Assert.Empty(Validator.Validate(dossier).Errors);
    }

    [Fact]
    public void A_gap_ending_before_it_begins_and_a_submission_with_no_address_or_device_are_refused_naming_the_field()
    {
        var dossier = FromAnAtsExport() with
        {
            Profiles = [new() { Kind = "github", LongestInactiveGap = new() { From = PartialDate.OfYear(2020), To = PartialDate.OfMonth(2018, 4) }, DistinctCommitEmails = -1 }],
            References = [new() { Name = "Priya Raman", SubmittedFrom = new() { At = DateTimeOffset.UtcNow } }, new() { Name = "Sam Ortiz", SubmittedFrom = new() { Ip = "300.1.2.3" } }],
        };
        var errors = Validator.Validate(dossier).Errors.Select(e => e.PropertyName).ToArray();
        Assert.Contains("Profiles[0].LongestInactiveGap.To", errors);
        Assert.Contains("Profiles[0].DistinctCommitEmails", errors);
        Assert.Contains(errors, e => e.Equals("References[0].SubmittedFrom.ip", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("References[1].SubmittedFrom.Ip", errors);
    }

    /// <summary>Validators are singletons: "in the future" means after the day a dossier is validated, not after the
    /// day the validator was built.</summary>
    [Fact]
    public void Dates_are_judged_against_the_day_of_validation_not_the_day_the_validator_was_built()
    {
        var clock = new SettableClock(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));
        var validator = new SubmitCandidate.Validator(clock);
        var dossier = FromAnAtsExport() with
        {
            EmploymentHistory = [new() { Employer = "Initech", StartedOn = new DateOnly(2026, 12, 8) }],
        };

        Assert.Contains(validator.Validate(dossier).Errors, e => e.ErrorMessage == "'startedOn' must not be in the future.");
        clock.Now = clock.Now.AddDays(2);
        Assert.True(validator.Validate(dossier).IsValid, string.Join("; ", validator.Validate(dossier).Errors));
    }

    private sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }
}
