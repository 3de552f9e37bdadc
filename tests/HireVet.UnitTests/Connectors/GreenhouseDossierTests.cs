using System.Text.Json;
using HireVet.Application.Connectors.Greenhouse;
using HireVet.Application.Dossiers;

namespace HireVet.UnitTests.Connectors;

/// <summary>Greenhouse candidates and applications as Greenhouse publishes them (Harvest docs, webhook payloads,
/// the candidate-ingestion docs) mapped to dossiers.</summary>
public sealed class GreenhouseDossierTests
{
    private static readonly IReadOnlyList<JsonElement> CandidatePage = PublishedAts.GreenhouseBlocks("harvest--_candidates.md");
    private static readonly IReadOnlyList<JsonElement> ApplicationPage = PublishedAts.GreenhouseBlocks("harvest--_applications.md");

    /// <summary>Every webhook payload of both event pages.</summary>
    private static IEnumerable<JsonElement> Webhooks() =>
        PublishedAts.GreenhouseBlocks("webhooks--_candidate_events.md").Concat(PublishedAts.GreenhouseBlocks("webhooks--_application_events.md"));

    private static JsonElement Webhook(string action) => Webhooks().Single(w => w.GetProperty("action").GetString() == action);

    /// <summary>The Harvest candidate objects: every object of the page with an id and a first name (request bodies
    /// have no id; notes, attachments, educations and employments have no first name).</summary>
    private static JsonElement[] HarvestCandidates() =>
        [.. PublishedAts.Objects(CandidatePage).Where(o => o.Has("id") && o.Has("first_name"))];

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public void Maps_the_documented_candidate_object()
    {
        var candidate = CandidatePage[0];
        var d = GreenhouseDossier.Map(candidate, null);

        Assert.Equal("greenhouse:53883394", d.ExternalId);
        Assert.Equal("Greenhouse", d.Source);
        Assert.Equal("John Locke", d.LegalName);
        Assert.Equal("test@work.com", d.Email);
        // "555-555-5555" has no country code: intake would refuse it and with it the dossier.
        Assert.Null(d.Phone);
        // No application given: the active one (Data Scientist - BK), not the later rejected one (DevOps Engineer).
        Assert.Equal("Data Scientist - BK", d.Role);

        Assert.Equal(new PostalAddress { Line1 = "123 City Street", City = "New York", Region = "NY", PostalCode = "10001", Country = "US" },
            d.ClaimedResidence);

        Assert.Equal(2, d.EmploymentHistory!.Length);
        Assert.Equal(new Employment { Employer = "The Tustin Box Company", Title = "Customer Success Representative" }, d.EmploymentHistory[0]);
        var greenhouse = d.EmploymentHistory[1];
        Assert.Equal(("Greenhouse", "Engineer"), (greenhouse.Employer, greenhouse.Title));
        // "2012-08-15T00:00:00.000Z": Greenhouse keeps the month and year of these; the 15th is filler.
        Assert.Equal(PartialDate.OfMonth(2012, 8), greenhouse.StartedOn);
        Assert.Equal(PartialDate.OfMonth(2016, 5), greenhouse.EndedOn);
        Assert.Null(greenhouse.StartedOn!.Value.Day);
        Assert.Equal("2012-08", greenhouse.StartedOn.Value.ToString());

        var school = Assert.Single(d.Education!);
        Assert.Equal("University of Michigan - Ann Arbor", school.Institution);
        Assert.Equal("Bachelor's Degree, Computer Science", school.Degree);
        Assert.Equal((PartialDate.OfMonth(2012, 8), PartialDate.OfMonth(2016, 5)), (school.StartedOn!.Value, school.EndedOn!.Value));

        Assert.Equal(
            [("portfolio", "https://mysite.com", null), ("other", "https://twitter.com/test", null)],
            d.Profiles!.Select(p => (p.Kind, p.Url, p.Handle)).ToArray());
        Assert.Null(d.ReferredBy);
        Assert.Null(d.ResumeText);
        Assert.Null(d.DateOfBirth);
        Assert.Null(d.OtherNames);
    }

    [Fact]
    public void The_application_given_sets_the_role_and_its_answers_give_developer_profiles_only()
    {
        var candidate = CandidatePage[0];
        var devOps = candidate.GetProperty("applications")[0];
        var d = GreenhouseDossier.Map(candidate, devOps);

        Assert.Equal("DevOps Engineer", d.Role);
        // Answers: "How did you hear about this job?" (text), "Website" https://example.com (not a developer
        // profile), "LinkedIn Profile" https://linkedin.com/example: only the last is taken.
        Assert.Equal(
            [("portfolio", "https://mysite.com"), ("other", "https://twitter.com/test"), ("linkedin", "https://linkedin.com/example")],
            d.Profiles!.Select(p => (p.Kind, p.Url)).ToArray());
    }

    [Fact]
    public void Every_published_candidate_maps_to_a_dossier_intake_accepts()
    {
        var candidates = HarvestCandidates();
        Assert.Equal(8, candidates.Length);
        var fromWebhooks = Webhooks()
            .Select(w => w.Get("payload"))
            .SelectMany(p => new[] { p.Has("candidate") ? p.Get("candidate") : default, p.Has("application") && p.Get("application").Has("candidate") ? p.Get("application.candidate") : default })
            .Where(c => c.ValueKind == JsonValueKind.Object)
            .ToArray();
        Assert.Equal(9, fromWebhooks.Length);

        foreach (var candidate in candidates.Concat(fromWebhooks))
        {
            var d = GreenhouseDossier.Map(candidate, null);
            var id = candidate.GetProperty("id").GetInt64();
            Assert.Equal($"greenhouse:{id}", d.ExternalId);
            Assert.Equal($"{candidate.GetProperty("first_name").GetString()} {candidate.GetProperty("last_name").GetString()}", d.LegalName);
            var intake = PublishedAts.Intake(d);
            Assert.True(intake.IsValid, $"{d.ExternalId}: {intake}");
        }

        // The anonymised candidate (Harvest's "PUT: Anonymize Candidate" response) keeps what Greenhouse kept.
        var anonymised = GreenhouseDossier.Map(candidates.Single(c => c.GetProperty("first_name").GetString() == "Anonymized"), null);
        Assert.Equal("Anonymized 53883394", anonymised.LegalName);
        Assert.Null(anonymised.Email);
        Assert.Equal("Head of Product", anonymised.Role);
        // The edited candidate: "linkedin.example.com" is example.com, not LinkedIn; "@johnlocke" names no network.
        var edited = GreenhouseDossier.Map(candidates.Single(c => c.GetProperty("first_name").GetString() == "New"), null);
        Assert.Equal(
            [("portfolio", "https://johnlocke.example.com", null), ("other", "https://linkedin.example.com/john.locke", null), ("other", null, "johnlocke")],
            edited.Profiles!.Select(p => (p.Kind, p.Url, p.Handle)).ToArray());
        Assert.Equal("john.locke+work@example.com", edited.Email);
        // "123 Fake Street" names no country: left out rather than refused by intake; the application's location
        // answer ("New York, New York, USA") is the claim that can be read.
        Assert.Equal(new PostalAddress { City = "New York", Region = "New York", Country = "US" }, edited.ClaimedResidence);
    }

    [Fact]
    public void Webhook_candidates_map_with_their_application_and_month_dates()
    {
        var hire = Webhook("hire_candidate").Get("payload.application");
        var d = GreenhouseDossier.Map(hire.GetProperty("candidate"), hire);
        Assert.Equal("greenhouse:35897443", d.ExternalId);
        Assert.Equal("Johnny Smith", d.LegalName);
        Assert.Equal("personal@example.com", d.Email);
        Assert.Null(d.Phone); // 518-555-1212 and 212-555-1212: no country code
        Assert.Equal("Developer", d.Role);
        Assert.Null(d.ReferredBy); // source Monster: Robert Johnson is credited, not a referrer
        // "455 Broadway New York, NY 10280": no comma between street and city, so both stay on line 1.
        Assert.Equal(new PostalAddress { Line1 = "455 Broadway New York", Region = "NY", PostalCode = "10280", Country = "US" }, d.ClaimedResidence);
        // Webhooks write these dates "01/01/2012" (month/day/year).
        Assert.Equal(
            [new Employment { Employer = "Greenhouse", Title = "Engineer", StartedOn = PartialDate.OfMonth(2012, 1), EndedOn = PartialDate.OfMonth(2016, 1) }],
            d.EmploymentHistory!);
        Assert.Equal(
            [new Education { Institution = "Harvard University", Degree = "Bachelor's Degree, Information Systems", StartedOn = PartialDate.OfMonth(2012, 1), EndedOn = PartialDate.OfMonth(2016, 1) }],
            d.Education!);

        var update = GreenhouseDossier.Map(Webhook("update_candidate").Get("payload.candidate"), null);
        Assert.Equal(("greenhouse:15696179", "Ronald Ronnie", "123456email@email.com"), (update.ExternalId, update.LegalName, update.Email));
        Assert.Null(update.Role); // no application in an update
        Assert.Null(update.Phone); // "911"
        Assert.Null(update.ClaimedResidence); // "New York, NY 101-11": no ZIP code, no country to tell
        Assert.Equal([("portfolio", "https://google.com", null), ("other", null, "ronaldronnie99999")],
            update.Profiles!.Select(p => (p.Kind, p.Url, p.Handle)).ToArray());
        Assert.Equal(["Example", "Greenhouse"], update.EmploymentHistory!.Select(e => e.Employer));
        Assert.Equal("Director of Strategic Initiatives", update.EmploymentHistory![0].Title);

        var created = Webhook("new_candidate_application").Get("payload.application");
        var jane = GreenhouseDossier.Map(created.GetProperty("candidate"), created);
        Assert.Equal(("greenhouse:60304594", "Jane Smith", "Data Scientist"), (jane.ExternalId, jane.LegalName, jane.Role));
        Assert.Equal(new PostalAddress { Line1 = "123 Test Street", City = "New York", Region = "NY", PostalCode = "10001", Country = "US" }, jane.ClaimedResidence);
        Assert.Equal((PartialDate.OfMonth(2007, 9), PartialDate.OfMonth(2011, 5)), (jane.Education![0].StartedOn!.Value, jane.Education[0].EndedOn!.Value));

        var prospect = Webhook("new_prospect_application").Get("payload.application");
        var trisha = GreenhouseDossier.Map(prospect.GetProperty("candidate"), prospect);
        Assert.Equal(("Trisha Troy", "Designer"), (trisha.LegalName, trisha.Role));
        Assert.Equal("Carl Buddha", trisha.ReferredBy); // source "Referral": who gets credit referred them

        // An e-mail intake would refuse ("hank.von diablo...": a space) is passed over, not sent to be refused.
        var updated = Webhook("application_updated").Get("payload.application");
        var hank = GreenhouseDossier.Map(updated.GetProperty("candidate"), updated);
        Assert.Equal("Hank Von Diablo", hank.LegalName);
        Assert.Null(hank.Email);
        Assert.Equal([("other", "http://www.example.com/"), ("other", "https://twitter.com/TheRock")], hank.Profiles!.Select(p => (p.Kind, p.Url)).ToArray());
    }

    [Fact]
    public void Every_published_application_gives_the_role_and_its_location_answer()
    {
        var applications = PublishedAts.Objects(ApplicationPage).Where(o => o.Has("candidate_id")).ToArray();
        Assert.Equal(12, applications.Length);
        var candidates = HarvestCandidates().GroupBy(c => c.GetProperty("id").GetInt64()).ToDictionary(g => g.Key, g => g.First());
        foreach (var application in applications)
        {
            var candidateId = application.GetProperty("candidate_id").GetInt64();
            // The page's candidate when Greenhouse published it (57683957), else just the candidate's id.
            var candidate = candidates.GetValueOrDefault(candidateId, Parse($$"""{"id": {{candidateId}}}"""));
            var d = GreenhouseDossier.Map(candidate, application);
            Assert.Equal($"greenhouse:{candidateId}", d.ExternalId);
            var jobs = application.GetProperty("jobs").EnumerateArray().Select(j => j.GetProperty("name").GetString()!.Trim()).ToArray();
            Assert.Equal(string.Join("; ", jobs), d.Role);
            if (!candidates.ContainsKey(candidateId) && application.TryGetProperty("location", out var location) && location.ValueKind == JsonValueKind.Object)
                Assert.Equal(new PostalAddress { City = "New York", Region = "New York", Country = "US" }, d.ClaimedResidence);
        }

        var first = GreenhouseDossier.Map(Parse("""{"id": 978031}"""), ApplicationPage[0]);
        Assert.Equal("Accounting Manager", first.Role);
        Assert.Null(first.ReferredBy); // source "Happy Hour"
        // A prospect considered for two jobs ("Product Manager ", "Web Developer "): both, trimmed.
        var prospect = applications.Single(a => a.GetProperty("id").GetInt64() == 69306509);
        Assert.Equal("Product Manager; Web Developer", GreenhouseDossier.Map(Parse("""{"id": 57683957}"""), prospect).Role);
    }

    [Fact]
    public void The_partner_candidate_object_maps_by_its_name()
    {
        // The Candidate Ingestion (partner) API's candidate: "name" instead of first and last name.
        var partner = PublishedAts.Objects(PublishedAts.GreenhouseBlocks("candidate-ingestion--_candidates.md")).Single(o => o.Has("name"));
        var d = GreenhouseDossier.Map(partner, null);
        Assert.Equal(("greenhouse:17681532", "Harry Potter"), (d.ExternalId, d.LegalName));
        Assert.Null(d.Role); // its applications name the job as a bare string, not as Harvest's jobs[]
    }

    [Fact]
    public void Custom_fields_EEOC_data_tags_and_attachments_never_reach_the_dossier()
    {
        var dossiers = HarvestCandidates().Select(c => GreenhouseDossier.Map(c, null))
            .Concat(PublishedAts.Objects(ApplicationPage).Where(o => o.Has("candidate_id")).Select(a => GreenhouseDossier.Map(Parse("""{"id": 1}"""), a)))
            .Concat(Webhooks().Select(w => w.Get("payload")).Where(p => p.Has("application") && p.Get("application").Has("candidate"))
                .Select(p => GreenhouseDossier.Map(p.Get("application.candidate"), p.Get("application"))))
            .ToArray();
        var json = string.Join("\n", dossiers.Select(d => JsonSerializer.Serialize(d, DossierJson.Options)));
        // Custom field values: a birthday (application custom field), salary, a bio, a rejection answer, "Rails",
        // "Senior"; the tags "Python" and "Ruby"; the attachments' file URLs.
        foreach (var leak in new[] { "1992-01-27", "1000000000", "This is a bio", "Not a good fit", "Rails", "Senior", "Python", "Ruby", "s3.amazonaws.com", ".pdf" })
            Assert.DoesNotContain(leak, json);
        Assert.All(dossiers, d => Assert.Null(d.DateOfBirth));
        Assert.All(dossiers, d => Assert.Null(d.ResumeText));
    }

    [Fact]
    public void Missing_null_empty_and_mistyped_fields_are_tolerated()
    {
        Assert.Equal(new Dossier { Source = "Greenhouse" }, GreenhouseDossier.Map(Parse("{}"), null));
        Assert.Equal(new Dossier { Source = "Greenhouse" }, GreenhouseDossier.Map(Parse("[]"), Parse("null")));
        var d = GreenhouseDossier.Map(Parse("""
            {"id": null, "first_name": "  ", "last_name": null, "company": "", "title": 7,
             "email_addresses": [null, {"value": null}, {"value": ""}, {"value": "  Ana@Example.org "}],
             "phone_numbers": [{"value": "555-1212"}, {"value": "+1 415 555 0100", "type": "mobile"}],
             "addresses": {"value": "nope"}, "website_addresses": [{"value": "not a url"}, {"value": null}, "x"],
             "social_media_addresses": ["github.com/ana-dev", {"value": "https://www.linkedin.com/in/ana-r/"}, {}],
             "employments": [null, {"company_name": ""}, {"company_name": "Acme", "start_date": "garbage", "end_date": 2019}],
             "educations": "none", "applications": [null, {"jobs": null}]}
            """), Parse("""{"jobs": [{"name": null}, {}], "answers": [null, {"answer": 5}], "source": null, "location": null}"""));
        Assert.Null(d.ExternalId);
        Assert.Null(d.LegalName);
        Assert.Null(d.Role);
        Assert.Equal("Ana@Example.org", d.Email);
        // Passed as Greenhouse holds it; intake puts it in E.164.
        Assert.Equal("+1 415 555 0100", d.Phone);
        Assert.Null(d.ClaimedResidence);
        Assert.Equal([new Employment { Employer = "Acme", EndedOn = PartialDate.OfYear(2019) }], d.EmploymentHistory!); // a bare year number is a year
        Assert.Null(d.Education);
        Assert.Equal([("github", "https://github.com/ana-dev", "ana-dev"), ("linkedin", "https://www.linkedin.com/in/ana-r/", "ana-r")],
            d.Profiles!.Select(p => (p.Kind, p.Url, p.Handle)).ToArray());
    }

    [Theory]
    [InlineData("2012-08-15T00:00:00.000Z", "2012-08")]
    [InlineData("2001-09-15T00:00:00.000Z", "2001-09")]
    [InlineData("2016-05-15", "2016-05")]
    [InlineData("01/01/2012", "2012-01")]
    [InlineData("9/15/2007", "2007-09")]
    [InlineData("2019-06", "2019-06")]
    [InlineData("2019", "2019")]
    [InlineData("13/01/2012", null)]
    [InlineData("15.09.2007", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Employment_and_education_dates_are_read_to_the_month(string? text, string? expected) =>
        Assert.Equal(expected, GreenhouseDossier.Month(text)?.ToString());
}
