using HireVet.Application.Ingestion.Formats;

namespace HireVet.UnitTests.Ingestion;

public sealed class OnboardingEventFormatTests
{
    [Theory]
    [InlineData("Drug Screen", "drug_test")]
    [InlineData("DRUG_TEST", "drug_test")]
    [InlineData("urinalysis", "drug_test")]
    [InlineData("I-9", "document_check")]
    [InlineData("Form I-9 Section 2", "document_check")]
    [InlineData("document verification", "document_check")]
    [InlineData("Laptop pickup", "equipment_receipt")]
    [InlineData("equipment-received", "equipment_receipt")]
    public void Vendor_spellings_of_a_step_map_to_the_canonical_one(string spelled, string step)
    {
        Assert.Equal(step, OnboardingEventFormat.CanonicalStep(spelled));
    }

    [Fact]
    public void An_event_with_contact_and_place_yields_the_identifiers_to_hash()
    {
        var parsed = OnboardingEventFormat.Parse(PublishedSamples.Parse("""
            {"eventId":"ob-1","user":"Ana.Costa@corp.example","step":"Equipment Receipt","occurredAt":"2026-10-28T16:00:00Z",
             "appearedName":"Daniel Brooks","contact":{"phone":"(512) 555-0147","email":"D.Brooks@Mail.Example"},
             "place":{"line1":"400 Elm Street","city":"Austin","region":"TX","postalCode":"78701","country":"US"}}
            """));
        var e = parsed.Event!;
        Assert.Equal(("ana.costa@corp.example", "equipment_receipt"), (e.Principal, e.Event.Step));
        Assert.Equal(("Daniel Brooks", "(512) 555-0147", "d.brooks@mail.example", "Austin"),
            (e.Event.Details.AppearedName, e.Event.Details.Phone, e.Event.Details.Email, e.Event.Details.Place!.City));
        Assert.Equal(["address", "email", "person", "phone"], e.Identifiers.Select(i => i.Kind).Order());
        Assert.Equal("125550147", e.Identifiers.Single(i => i.Kind == "phone").Value);
    }

    [Fact]
    public void The_place_of_a_drug_test_is_kept_but_never_an_identifier_and_optional_fields_may_be_missing()
    {
        var e = OnboardingEventFormat.Parse(PublishedSamples.Parse("""
            {"id":"ob-2","user_email":"ana.costa@corp.example","type":"drug screen","date":"2026-10-27T10:00:00Z","place":"Quest Diagnostics, 12 Main St, Austin TX"}
            """)).Event!;
        Assert.Equal("Quest Diagnostics, 12 Main St, Austin TX", e.Event.Details.Place!.Line1);
        Assert.Empty(e.Identifiers);
    }

    [Theory]
    [InlineData("+1 512-555-0147", "(512) 555-0147")]
    [InlineData("+44 20 7946 0958", "020 7946 0958")]
    [InlineData("0049 30 1234567", "030 1234567")]
    public void One_phone_number_written_internationally_or_nationally_has_one_key(string international, string national)
    {
        Assert.Equal(OnboardingEventFormat.PhoneKey(international), OnboardingEventFormat.PhoneKey(national));
    }

    [Fact]
    public void An_unknown_step_a_bad_phone_or_e_mail_and_a_missing_time_are_rejected_by_field()
    {
        var parsed = OnboardingEventFormat.Parse(PublishedSamples.Parse("""
            {"eventId":"ob-3","user":"ana.costa@corp.example","step":"badge photo","phone":"call me","email":"not-an-address"}
            """));
        Assert.Null(parsed.Event);
        Assert.Equal(["email", "occurredAt", "phone", "step"], parsed.Errors!.Keys.Order());
        Assert.Contains("drug test", parsed.Errors["step"][0]);
    }
}
