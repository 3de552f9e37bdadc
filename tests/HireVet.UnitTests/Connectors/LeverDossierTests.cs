using System.Text.Json;
using HireVet.Application.Connectors.Lever;
using HireVet.Application.Dossiers;

namespace HireVet.UnitTests.Connectors;

/// <summary>Lever opportunities (the recorded sandbox responses, the documentation's application example) and resumes'
/// parsed data mapped to dossiers.</summary>
public sealed class LeverDossierTests
{
    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public void The_recorded_opportunity_maps_to_its_contact_with_nothing_invented()
    {
        // {"data": opportunity} as the sandbox answered; its name, e-mails, phones, location and links are empty.
        var d = LeverDossier.Map(PublishedAts.Json("lever", "nango-lever-mock-put-opportunity-stage-response.json"), null);
        // Keyed by the contact (the person), not the opportunity 1bd11d54-...: see LeverDossier.
        Assert.Equal(new Dossier { ExternalId = "lever:a356f90a-5c96-451c-845a-17cb181b45d0", Source = "Lever" }, d);
        // Intake refuses it for the one thing Lever did not have: a name.
        Assert.Equal(["LegalName"], PublishedAts.Intake(d).Errors.Select(e => e.PropertyName).Distinct());

        var archived = PublishedAts.Json("lever", "nango-lever-mock-update-opportunity-archived-output.json").GetProperty("response");
        Assert.Equal(d, LeverDossier.Map(archived, null));
    }

    [Fact]
    public void The_documented_application_maps_its_person_but_not_its_letter_or_answers()
    {
        var d = LeverDossier.Map(PublishedAts.Json("lever", "leverdocs-application-get-example.json"), null);
        // An application names no contact: its opportunity id stands in.
        Assert.Equal("lever:3410c8b9-5c31-4bab-b7e9-9f710206d647", d.ExternalId);
        Assert.Equal(("Teresa Kale", "teresa@example3.com"), (d.LegalName, d.Email));
        Assert.Null(d.Phone); // "(123) 456-7888": no country code
        Assert.Null(d.Role); // "posting" is only an id here (GET /v1/postings/{id} has the title)
        Assert.Null(d.Profiles); // "links": null
        var json = JsonSerializer.Serialize(d, DossierJson.Options);
        foreach (var leak in new[] { "Dear Mr Black", "javascript", "frontend", "derby-hw.txt", "OP-9" })
            Assert.DoesNotContain(leak, json);
        Assert.True(PublishedAts.Intake(d).IsValid);
    }

    private const string Opportunity = """
        {"data": {
          "id": "250d8f03-738a-4bba-a671-8a3d73477145", "name": "Jane  Doe", "contact": "7f23e772-fcd5-4c4d-a9a8-3a0ec0d40a9a",
          "headline": "Backend at Example", "location": "London, United Kingdom",
          "emails": ["not an e-mail", "jane.doe@example.com", "jd@example.org"],
          "phones": [{"type": "mobile", "value": "07946 0958"}, {"type": "work", "value": "+44 20 7946 0958"}],
          "links": ["https://github.com/janedoe", "linkedin.com/in/jane-doe", "https://janedoe.dev", "https://github.com/janedoe/"],
          "tags": ["Python"], "sources": ["Referral"], "origin": "referred",
          "applications": [{"id": "a1", "posting": {"id": "p1", "text": "Backend Engineer"}}],
          "createdAt": 1732268609589
        }}
        """;

    private const string Resume = """
        {"id": "r2", "createdAt": 1425317185000,
         "file": {"name": "jane.pdf", "ext": ".pdf", "downloadUrl": "https://api.lever.co/v1/opportunities/250d8f03/resumes/r2/download", "uploadedAt": 1425317185000},
         "parsedData": {
           "positions": [
             {"org": "Example Ltd", "title": "Senior Engineer", "summary": "APIs", "location": "London", "start": {"year": 2019, "month": 6}},
             {"org": "Acme", "title": "Engineer", "start": {"year": 2015, "month": null}, "end": {"year": 2019, "month": 5}},
             {"org": "", "title": "No employer"}, {"title": "Nor here"}, null],
           "schools": [
             {"org": "University of Example", "degree": "BSc", "field": "Computer Science", "location": "Somewhere", "start": {"year": 2011}, "end": {"year": 2015, "month": 7}},
             {"org": "Night School", "start": {"year": 0}, "end": {"month": 3}}]}}
        """;

    [Fact]
    public void An_opportunity_and_its_resume_give_the_person_the_role_and_the_history_at_its_precision()
    {
        var d = LeverDossier.Map(Parse(Opportunity), Parse(Resume));

        Assert.Equal("lever:7f23e772-fcd5-4c4d-a9a8-3a0ec0d40a9a", d.ExternalId);
        Assert.Equal(("Lever", "Jane Doe", "Backend Engineer"), (d.Source, d.LegalName, d.Role));
        Assert.Equal("jane.doe@example.com", d.Email);
        Assert.Equal("+44 20 7946 0958", d.Phone);
        Assert.Equal(new PostalAddress { City = "London", Country = "GB" }, d.ClaimedResidence);
        Assert.Equal(
            [("github", "https://github.com/janedoe", "janedoe"), ("linkedin", "https://linkedin.com/in/jane-doe", "jane-doe"), ("other", "https://janedoe.dev", null)],
            d.Profiles!.Select(p => (p.Kind, p.Url, p.Handle)).ToArray());

        Assert.Equal(
        [
            new Employment { Employer = "Example Ltd", Title = "Senior Engineer", StartedOn = PartialDate.OfMonth(2019, 6) },
            new Employment { Employer = "Acme", Title = "Engineer", StartedOn = PartialDate.OfYear(2015), EndedOn = PartialDate.OfMonth(2019, 5) },
        ], d.EmploymentHistory!);
        Assert.Equal("2015", d.EmploymentHistory![1].StartedOn!.Value.ToString());
        Assert.Equal(
        [
            new Education { Institution = "University of Example", Degree = "BSc, Computer Science", StartedOn = PartialDate.OfYear(2011), EndedOn = PartialDate.OfMonth(2015, 7) },
            new Education { Institution = "Night School" },
        ], d.Education!);
        Assert.Null(d.ResumeText);

        var json = JsonSerializer.Serialize(d, DossierJson.Options);
        foreach (var leak in new[] { "Python", "Referral", "Somewhere", "Backend at Example", "download" })
            Assert.DoesNotContain(leak, json);
        Assert.True(PublishedAts.Intake(d).IsValid, PublishedAts.Intake(d).ToString());
    }

    [Fact]
    public void The_newest_resume_is_the_last_uploaded()
    {
        var older = Parse("""{"id": "r1", "createdAt": 1325317185000, "parsedData": {}}""");
        var newer = Parse(Resume);
        Assert.Equal("r2", LeverDossier.Newest([older, newer, Parse("null")])!.Value.GetProperty("id").GetString());
        Assert.Null(LeverDossier.Newest([]));
        // A resume given as GET /resumes/{id} answers it, {"data": {...}}, is read too.
        var wrapped = Parse("""{"data": """ + Resume + "}");
        Assert.Equal(2, LeverDossier.Map(Parse(Opportunity), wrapped).EmploymentHistory!.Length);
    }

    [Theory]
    [InlineData("""{"year": 2019, "month": 6}""", "2019-06")]
    [InlineData("""{"year": 2019, "month": null}""", "2019")]
    [InlineData("""{"year": 2019}""", "2019")]
    [InlineData("""{"year": "2019", "month": "12"}""", "2019-12")]
    [InlineData("""{"year": 2019, "month": 13}""", "2019")]
    [InlineData("""{"month": 6}""", null)]
    [InlineData("""{"year": 0}""", null)]
    [InlineData("null", null)]
    [InlineData("2019", null)]
    public void Parsed_dates_keep_the_precision_Lever_gives(string json, string? expected) =>
        Assert.Equal(expected, LeverDossier.YearMonth(Parse(json))?.ToString());

    [Fact]
    public void Epoch_millisecond_times_are_read_as_utc()
    {
        Assert.Equal(new DateTimeOffset(2024, 11, 22, 9, 43, 29, 589, TimeSpan.Zero), LeverDossier.Time(1732268609589));
        Assert.Null(LeverDossier.Time(null));
        Assert.Null(LeverDossier.Time(-1));
    }

    [Fact]
    public void Missing_null_empty_and_mistyped_fields_are_tolerated()
    {
        Assert.Equal(new Dossier { Source = "Lever" }, LeverDossier.Map(Parse("{}"), null));
        Assert.Equal(new Dossier { Source = "Lever" }, LeverDossier.Map(Parse("[]"), Parse("[]")));
        var d = LeverDossier.Map(Parse("""
            {"id": "o1", "contact": null, "name": null, "emails": null, "phones": [null, {"value": null}, "x"],
             "location": null, "links": [null, 3, "", "not a link"], "applications": ["a1", {"posting": "p1"}, {"posting": {"text": null}}]}
            """), Parse("""{"parsedData": {"positions": "none", "schools": [{"org": null}]}}"""));
        Assert.Equal(new Dossier { ExternalId = "lever:o1", Source = "Lever" }, d);
    }
}
