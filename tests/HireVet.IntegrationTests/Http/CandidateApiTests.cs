using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HireVet.Application.Common.Security;
using HireVet.Application.Vetting;
using HireVet.IntegrationTests.Infrastructure;

namespace HireVet.IntegrationTests.Http;

[Collection("db")]
public sealed class CandidateApiTests(DatabaseFixture db) : IAsyncLifetime
{
    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ProblemOf(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("   at ", body); // no stack trace
        Assert.DoesNotContain("Exception", body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static string[] ErrorsFor(JsonElement problem, string field) =>
        problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!).ToArray();

    [Fact]
    public async Task Submitting_returns_201_with_location_then_200_with_the_same_id()
    {
        var hr = await db.ClientAsync(Roles.Hr);
        var dossier = Dossiers.Honest();

        var created = await hr.PostAsJsonAsync("/api/candidates", dossier);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetInt64();
        Assert.Equal("pending_vetting", body.GetProperty("status").GetString());
        Assert.Equal($"/api/candidates/{id}", created.Headers.Location!.OriginalString);

        var again = await hr.PostAsJsonAsync("/api/candidates", dossier);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(id, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64());

        var read = await hr.GetFromJsonAsync<JsonElement>($"/api/candidates/{id}");
        Assert.Equal(dossier.ExternalId, read.GetProperty("dossier").GetProperty("externalId").GetString());
        Assert.Equal("+1" + dossier.Phone![3..].Replace(" ", ""), read.GetProperty("dossier").GetProperty("phone").GetString());
    }

    [Fact]
    public async Task A_missing_legal_name_and_a_bad_country_are_400_naming_each_field()
    {
        var hr = await db.ClientAsync(Roles.Hr);
        var response = await hr.PostAsync("/api/candidates", Json("""
            {"externalId":"x-1","claimedResidence":{"city":"Austin","country":"USA"},"payrollDestination":{"method":"bank_transfer","iban":"GB82WEST12345698765431"}}
            """));

        var problem = await ProblemOf(response, HttpStatusCode.BadRequest);
        Assert.Contains("'legalName' must not be empty.", ErrorsFor(problem, "legalName"));
        Assert.Contains("'country' must be an ISO 3166-1 alpha-2 code such as US.", ErrorsFor(problem, "claimedResidence.country"));
        Assert.Contains("'iban' is not a valid IBAN (format or check digits).", ErrorsFor(problem, "payrollDestination.iban"));
        Assert.Equal(0, await db.QuerySingleAsync<int>("select count(*)::int from candidates"));
    }

    [Fact]
    public async Task An_unknown_property_is_rejected_not_ignored()
    {
        var hr = await db.ClientAsync(Roles.Hr);
        var response = await hr.PostAsync("/api/candidates", Json("""{"externalId":"x-2","legalName":"Noor Haddad","nationality":"KP"}"""));

        var problem = await ProblemOf(response, HttpStatusCode.BadRequest);
        Assert.Equal(["'nationality' is not a known field."], ErrorsFor(problem, "nationality"));
    }

    [Fact]
    public async Task A_dossier_as_an_ats_exports_it_with_month_dates_and_vendor_spellings_is_stored_canonically()
    {
        var hr = await db.ClientAsync(Roles.Hr);
        var created = await hr.PostAsync("/api/candidates", Json("""
            {"externalId":"gh-7841","legalName":"Dana Whitfield",
             "identityDocument":{"type":"driver_license","issuingCountry":"US","number":"D1234567","nameOnDocument":"Dana Whitfield"},
             "employmentHistory":[{"employer":"Acme Corp","startedOn":"2019-06","endedOn":"2022-03"},{"employer":"Globex","startedOn":"2022"}],
             "education":[{"institution":"State University","startedOn":2012,"endedOn":"2016-06-01T00:00:00.000Z"}],
             "profiles":[{"kind":"LinkedIn","url":"https://www.linkedin.com/in/dana"}],
             "payrollDestination":{"method":"Direct Deposit","accountHolderName":"Dana Whitfield","accountNumber":"771100245","routingNumber":"064000017"}}
            """));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var stored = JsonDocument.Parse(await db.QuerySingleAsync<string>(
            "select r.dossier::text from candidate_revisions r where r.candidate_id = @id", new { id })).RootElement;
        Assert.Equal("driver_licence", stored.GetProperty("identityDocument").GetProperty("type").GetString());
        Assert.Equal("bank_transfer", stored.GetProperty("payrollDestination").GetProperty("method").GetString());
        Assert.Equal("linkedin", stored.GetProperty("profiles")[0].GetProperty("kind").GetString());
        Assert.Equal(["2019-06", "2022"], stored.GetProperty("employmentHistory").EnumerateArray().Select(j => j.GetProperty("startedOn").GetString()));
        Assert.Equal(("2012", "2016-06-01"), (stored.GetProperty("education")[0].GetProperty("startedOn").GetString(),
            stored.GetProperty("education")[0].GetProperty("endedOn").GetString()));
    }

    [Theory]
    [InlineData("""{"externalId":"x-3","legalName":"Noor Haddad",""", "body")]
    [InlineData("""{"externalId":"x-3","legalName":"Noor Haddad","dateOfBirth":"12/04/1991"}""", "dateOfBirth")]
    [InlineData("""{"externalId":"x-3","legalName":"Noor Haddad","interviews":[{"at":"2026-01-01T10:00:00Z","cameraOn":"maybe"}]}""", "interviews[0].cameraOn")]
    [InlineData("""{"externalId":"x-3","legalName":"Noor Haddad","employmentHistory":[{"employer":"Acme","startedOn":"2019-13"}]}""", "employmentHistory[0].startedOn")]
    public async Task Malformed_JSON_is_a_400_naming_the_field_never_a_500(string json, string field)
    {
        var hr = await db.ClientAsync(Roles.Hr);
        var problem = await ProblemOf(await hr.PostAsync("/api/candidates", Json(json)), HttpStatusCode.BadRequest);
        Assert.Single(ErrorsFor(problem, field));
    }

    [Fact]
    public async Task A_body_over_one_megabyte_is_413()
    {
        var hr = await db.ClientAsync(Roles.Hr);
        var huge = JsonSerializer.Serialize(new { externalId = "x-4", legalName = "Noor Haddad", resumeText = new string('a', 1_200_000) });
        var problem = await ProblemOf(await hr.PostAsync("/api/candidates", Json(huge)), HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("The request body is too large.", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_unknown_candidate_is_a_404_problem()
    {
        var security = await db.ClientAsync(Roles.Security);
        var problem = await ProblemOf(await security.GetAsync("/api/candidates/987654"), HttpStatusCode.NotFound);
        Assert.Equal("No candidate with id '987654' exists.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Approving_your_own_decision_over_HTTP_is_403_and_a_conflict_is_409()
    {
        var hr = await db.ClientAsync(Roles.Hr);
        var id = (await (await hr.PostAsJsonAsync("/api/candidates", Dossiers.PayeeMismatch())).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        await db.SendAsync(new VetCandidates.Command([id]), "system", Roles.System);
        var sam = await db.ClientAsync(Roles.Security, "sam");

        var early = await sam.PostAsJsonAsync($"/api/candidates/{id}/decisions", new { outcome = "reject", justification = "Third-party payee." });
        Assert.Equal("Claim the candidate before deciding.", (await ProblemOf(early, HttpStatusCode.Conflict)).GetProperty("detail").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await sam.PostAsync($"/api/candidates/{id}/claim", null)).StatusCode);
        var decided = await sam.PostAsJsonAsync($"/api/candidates/{id}/decisions", new { outcome = "reject", justification = "Third-party payee." });
        Assert.Equal(HttpStatusCode.Created, decided.StatusCode);
        var decisionId = (await decided.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("decisionId").GetInt64();

        var own = await sam.PostAsJsonAsync($"/api/decisions/{decisionId}/approval", new { verdict = "approved", justification = "Looks right to me." });
        await ProblemOf(own, HttpStatusCode.Forbidden);

        var sky = await db.ClientAsync(Roles.Security, "sky");
        var approved = await sky.PostAsJsonAsync($"/api/decisions/{decisionId}/approval", new { verdict = "approved", justification = "Verified independently." });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("rejection_pending", (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("candidateStatus").GetString());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_dossier_without_any_nationality_field()
    {
        var hr = await db.ClientAsync(Roles.Hr);
        var response = await hr.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        string RequestSchema(string path) => document.GetProperty("paths").GetProperty(path).GetProperty("post")
            .GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()!;
        Assert.Equal("#/components/schemas/SubmitCandidateCommand", RequestSchema("/api/candidates"));
        Assert.Equal("#/components/schemas/CreateUserCommand", RequestSchema("/api/admin/users"));
        Assert.Equal("#/components/schemas/CreateApiKeyCommand", RequestSchema("/api/admin/api-keys"));

        var fields = document.GetProperty("components").GetProperty("schemas").GetProperty("SubmitCandidateCommand")
            .GetProperty("properties").EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Contains("externalId", fields);
        Assert.Contains("networkObservations", fields);
        Assert.Contains("equipmentShipping", fields);
        Assert.DoesNotContain(fields, f => f.Contains("nationality", StringComparison.OrdinalIgnoreCase)
            || f.Contains("ethnic", StringComparison.OrdinalIgnoreCase) || f.Contains("photo", StringComparison.OrdinalIgnoreCase));

        // What intake reads leniently is documented: dates to the year or month, and the spellings accepted.
        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.Contains("#/components/schemas/PartialDate", schemas.GetProperty("Employment").GetProperty("properties").GetProperty("startedOn").ToString());
        var partialDate = schemas.GetProperty("PartialDate");
        Assert.Equal("string", partialDate.GetProperty("type").GetString());
        Assert.Contains("2019-06", partialDate.GetProperty("description").GetString());
        Assert.Contains("driver_license", schemas.GetProperty("IdentityDocument").GetProperty("properties").GetProperty("type").ToString());
        Assert.Contains("direct_deposit", schemas.GetProperty("PayrollDestination").GetProperty("properties").GetProperty("method").ToString());

        // The identity-verification intake (ID-18) and the activity and sighting fields (ID-19, LINK-12) are described too.
        Assert.Equal("#/components/schemas/RecordIdentityVerificationCommand", RequestSchema("/api/candidates/{id}/identity-verifications"));
        var verification = schemas.GetProperty("RecordIdentityVerificationCommand").GetProperty("properties");
        Assert.Contains("declined", verification.GetProperty("livenessOutcome").ToString());
        Assert.Contains("needs_review", verification.GetProperty("documentOutcome").ToString());
        Assert.Contains("#/components/schemas/InactiveGap", schemas.GetProperty("DeveloperProfile").GetProperty("properties").GetProperty("longestInactiveGap").ToString());
        Assert.Contains("#/components/schemas/NetworkSighting", schemas.GetProperty("Reference").GetProperty("properties").GetProperty("submittedFrom").ToString());
    }
}
