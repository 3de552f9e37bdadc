using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HireVet.Application.Candidates;
using HireVet.Application.Common.Security;
using HireVet.IntegrationTests.Infrastructure;

namespace HireVet.IntegrationTests.Candidates;

/// <summary>The identity-verification intake (ID-18) over HTTP: vendor spellings accepted, field errors named, nothing
/// half-written, a repeated delivery recognised, a revised result stored, and the candidate vetted again.</summary>
[Collection("db")]
public sealed class RecordIdentityVerificationTests(DatabaseFixture db) : IAsyncLifetime
{
    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>A Persona inquiry for Emily Carter (the honest dossier's applicant), in Persona's own words.</summary>
    private static string Persona(string reference, string liveness = "approved", string document = "Approved") => $$"""
        {"vendor":"Persona","vendorReference":"{{reference}}","verifiedAt":"2026-11-20T15:02:00Z","verifiedName":"EMILY R CARTER",
         "dateOfBirth":"1991-04-12","documentType":"Driver's License","documentCountry":"us","livenessOutcome":"{{liveness}}",
         "documentOutcome":"{{document}}"}
        """;

    private async Task<long> VettedHonestCandidateAsync()
    {
        var id = await db.SubmitAndVetAllAsync(Dossiers.Honest());
        Assert.Equal("completed", await db.QuerySingleAsync<string>("select vetting_status from candidates where id = @id", new { id }));
        return id;
    }

    private async Task<GetCandidate.Response> ReadAsync(long id) => await db.SendAsync(new GetCandidate.Query(id), "sam", Roles.Security);

    [Fact]
    public async Task An_integration_records_a_result_in_vendor_words_stored_canonical_with_name_and_birth_date_encrypted_and_the_candidate_is_vetted_again()
    {
        var id = await VettedHonestCandidateAsync();
        var integration = await db.ClientAsync(Roles.Integration);

        var created = await integration.PostAsync($"/api/candidates/{id}/identity-verifications", Json(Persona("inq_9xPdZ3aKq1")));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("created", id), (body.GetProperty("outcome").GetString(), body.GetProperty("candidateId").GetInt64()));
        var row = await db.QuerySingleAsync<(string Vendor, string DocumentType, string DocumentCountry, string Liveness, string Document, string Protected)>(
            "select vendor, document_type, document_country, liveness_outcome, document_outcome, sensitive_protected from identity_verifications");
        Assert.Equal(("persona", "driver_licence", "US", "passed", "passed"), (row.Vendor, row.DocumentType, row.DocumentCountry, row.Liveness, row.Document));
        Assert.DoesNotContain("CARTER", row.Protected, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("1991", row.Protected);
        Assert.Equal("pending", await db.QuerySingleAsync<string>("select vetting_status from candidates where id = @id", new { id }));

        await db.VetAllPendingAsync();
        var candidate = await ReadAsync(id);
        Assert.Equal("clear", candidate.Band);
        Assert.Equal("not_fired", Assert.Single(candidate.LatestAssessment!.Trace, t => t.Check == "identity-verification").Outcome);
    }

    [Fact]
    public async Task The_same_vendor_and_reference_again_changes_nothing_and_vets_nobody()
    {
        var id = await VettedHonestCandidateAsync();
        var hr = await db.ClientAsync(Roles.Hr);
        Assert.Equal(HttpStatusCode.Created, (await hr.PostAsync($"/api/candidates/{id}/identity-verifications", Json(Persona("inq_1")))).StatusCode);
        await db.VetAllPendingAsync();
        var assessments = await db.QuerySingleAsync<int>("select count(*)::int from assessments where candidate_id = @id", new { id });

        // The vendor's webhook retried, spelling the vendor and outcomes its own way.
        var again = await hr.PostAsync($"/api/candidates/{id}/identity-verifications",
            Json(Persona("inq_1", liveness: "passed", document: "passed").Replace("\"Persona\"", "\"  persona \"", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("unchanged", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        Assert.Equal(1, await db.QuerySingleAsync<int>("select count(*)::int from identity_verifications"));
        Assert.Equal("completed", await db.QuerySingleAsync<string>("select vetting_status from candidates where id = @id", new { id }));
        Assert.Equal(assessments, await db.QuerySingleAsync<int>("select count(*)::int from assessments where candidate_id = @id", new { id }));
    }

    [Fact]
    public async Task A_failed_liveness_check_raises_ID_18_high_and_the_vendors_revised_result_clears_it_again()
    {
        var id = await VettedHonestCandidateAsync();
        var integration = await db.ClientAsync(Roles.Integration);

        await integration.PostAsync($"/api/candidates/{id}/identity-verifications", Json(Persona("inq_7", liveness: "declined")));
        await db.VetAllPendingAsync();
        var flagged = await ReadAsync(id);
        var signal = Assert.Single(flagged.LatestAssessment!.Signals);
        Assert.Equal(("ID-18", "high", "review"), (signal.IndicatorId, signal.Severity, flagged.Band));
        Assert.Contains("liveness", signal.Explanation);

        // A manual review at the vendor concluded the selfie was the applicant's: the same inquiry, revised.
        var revised = await integration.PostAsync($"/api/candidates/{id}/identity-verifications", Json(Persona("inq_7", liveness: "approved")));
        Assert.Equal("updated", (await revised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        Assert.Equal("passed", await db.QuerySingleAsync<string>("select liveness_outcome from identity_verifications"));
        await db.VetAllPendingAsync();
        Assert.Equal("clear", (await ReadAsync(id)).Band);
    }

    [Fact]
    public async Task Bad_fields_are_400_problem_json_naming_each_field_and_nothing_is_written()
    {
        var id = await VettedHonestCandidateAsync();
        var hr = await db.ClientAsync(Roles.Hr);

        var response = await hr.PostAsync($"/api/candidates/{id}/identity-verifications", Json("""
            {"vendor":"Persona","vendorReference":"","livenessOutcome":"maybe","documentCountry":"USA","dateOfBirth":"1800-01-01"}
            """));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["dateOfBirth", "documentCountry", "livenessOutcome", "vendorReference"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains("approved", errors.GetProperty("livenessOutcome")[0].GetString());

        var wrongType = await hr.PostAsync($"/api/candidates/{id}/identity-verifications", Json("""{"vendor":"Persona","vendorReference":"x","dateOfBirth":"12/04/1991"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.True((await wrongType.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("dateOfBirth", out _));

        Assert.Equal(0, await db.QuerySingleAsync<int>("select count(*)::int from identity_verifications"));
        Assert.Equal("completed", await db.QuerySingleAsync<string>("select vetting_status from candidates where id = @id", new { id }));
    }

    [Fact]
    public async Task An_unknown_candidate_is_404_and_a_reference_recorded_for_another_candidate_409_with_nothing_written()
    {
        var first = await VettedHonestCandidateAsync();
        var second = await VettedHonestCandidateAsync();
        var integration = await db.ClientAsync(Roles.Integration);

        Assert.Equal(HttpStatusCode.NotFound, (await integration.PostAsync("/api/candidates/999999/identity-verifications", Json(Persona("inq_2")))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await integration.PostAsync($"/api/candidates/{first}/identity-verifications", Json(Persona("inq_3")))).StatusCode);

        var conflict = await integration.PostAsync($"/api/candidates/{second}/identity-verifications", Json(Persona("inq_3", liveness: "declined")));

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("application/problem+json", conflict.Content.Headers.ContentType?.MediaType);
        var rows = await db.QueryAsync<(long CandidateId, string Liveness)>("select candidate_id, liveness_outcome from identity_verifications");
        Assert.Equal([(first, "passed")], rows);
        Assert.Equal("completed", await db.QuerySingleAsync<string>("select vetting_status from candidates where id = @second", new { second }));
    }

    [Fact]
    public async Task Redacting_the_candidate_erases_its_verification_results_and_network_sightings()
    {
        var id = await VettedHonestCandidateAsync();
        var hr = await db.ClientAsync(Roles.Hr);
        Assert.Equal(HttpStatusCode.Created, (await hr.PostAsync($"/api/candidates/{id}/identity-verifications", Json(Persona("inq_5")))).StatusCode);
        Assert.NotEqual(0, await db.QuerySingleAsync<int>("select count(*)::int from network_sightings where candidate_id = @id", new { id }));

        Assert.True(await db.SendAsync(new RedactCandidate.Command(id, "deleted in Greenhouse"), "greenhouse", Roles.System));

        Assert.Equal(0, await db.QuerySingleAsync<int>("select count(*)::int from identity_verifications where candidate_id = @id", new { id }));
        Assert.Equal(0, await db.QuerySingleAsync<int>("select count(*)::int from network_sightings where candidate_id = @id", new { id }));
        Assert.Equal(HttpStatusCode.NotFound, (await hr.PostAsync($"/api/candidates/{id}/identity-verifications", Json(Persona("inq_6")))).StatusCode);
    }
}
