using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HireVet.Application.Candidates;
using HireVet.Application.Common.Security;
using HireVet.Application.Vetting;
using HireVet.IntegrationTests.Infrastructure;

namespace HireVet.IntegrationTests.Candidates;

[Collection("db")]
public sealed class BulkImportTests(DatabaseFixture db) : IAsyncLifetime
{
    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private static string Line(SubmitCandidate.Command d) => JsonSerializer.Serialize(d, Web);

    private static StringContent Ndjson(params string[] lines) => new(string.Join("\n", lines) + "\n", Encoding.UTF8, "application/x-ndjson");

    private static JsonElement LineResult(JsonElement body, int line) =>
        body.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("line").GetInt32() == line);

    [Fact]
    public async Task Good_lines_are_stored_and_vetted_and_each_bad_line_gets_its_own_errors_without_touching_the_rest()
    {
        var hr = await db.ClientAsync(Roles.Hr);
        var honest = Dossiers.Honest();
        var payee = Dossiers.PayeeMismatch();
        var revised = honest with { Role = "Staff engineer" };

        var response = await hr.PostAsync("/api/candidates/bulk", Ndjson(
            Line(honest),
            """{"externalId":"bad-json","legalName":""",
            Line(Dossiers.Honest() with { ExternalId = "bad-country", ClaimedResidence = Dossiers.Austin with { Country = "USA" } }),
            "",
            Line(payee),
            """{"externalId":"x","legalName":"A B","favouriteColour":"blue"}""",
            Line(revised)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((6, 2, 1, 3, 3), (body.GetProperty("received").GetInt32(), body.GetProperty("created").GetInt32(),
            body.GetProperty("revised").GetInt32(), body.GetProperty("rejected").GetInt32(), body.GetProperty("vetted").GetInt32()));

        Assert.Equal("rejected", LineResult(body, 2).GetProperty("outcome").GetString());
        Assert.True(LineResult(body, 3).GetProperty("errors").TryGetProperty("claimedResidence.country", out _));
        Assert.Equal("bad-country", LineResult(body, 3).GetProperty("externalId").GetString());
        Assert.Contains("favouriteColour", LineResult(body, 6).GetProperty("errors").GetRawText());
        Assert.Equal(("created", "clear"), (LineResult(body, 1).GetProperty("outcome").GetString(), LineResult(body, 1).GetProperty("status").GetString()));
        Assert.Equal("review", LineResult(body, 5).GetProperty("status").GetString()); // a third-party payee
        Assert.Equal("revised", LineResult(body, 7).GetProperty("outcome").GetString());
        Assert.Equal(LineResult(body, 1).GetProperty("id").GetInt64(), LineResult(body, 7).GetProperty("id").GetInt64());

        Assert.Equal(2, await db.QuerySingleAsync<int>("select count(*)::int from candidates"));
        Assert.Equal(0, await db.QuerySingleAsync<int>("select count(*)::int from candidates where vetting_status = 'pending'"));
        Assert.Equal(2, await db.QuerySingleAsync<int>("select current_revision from candidates where external_id = @ExternalId", new { honest.ExternalId }));
        Assert.True((await (await db.ClientAsync(Roles.Auditor)).GetFromJsonAsync<JsonElement>("/api/audit/verify")).GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task Candidates_of_one_upload_and_those_stored_before_are_linked_both_ways()
    {
        var hr = await db.ClientAsync(Roles.Hr);
        var before = Dossiers.Honest();
        var storedId = (await db.SendAsync(before, "hana", Roles.Hr)).Id;
        await db.SendAsync(new VetCandidates.Command([storedId]), "system", Roles.System);
        var sharedPhone = "+1 512 555 0142";
        var a = Dossiers.Honest() with { Phone = sharedPhone };
        var b = Dossiers.Honest() with { Phone = sharedPhone };
        var c = Dossiers.Honest() with { PayrollDestination = before.PayrollDestination }; // paid into the earlier candidate's account

        var body = await (await hr.PostAsync("/api/candidates/bulk", Ndjson(Line(a), Line(b), Line(c)))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, body.GetProperty("vetted").GetInt32());

        var first = (await db.SendAsync(new GetCandidate.Query(LineResult(body, 1).GetProperty("id").GetInt64()))).LatestAssessment!;
        Assert.Contains(b.ExternalId!, Assert.Single(first.Signals, s => s.IndicatorId == "LINK-02").Evidence.ToJsonString());
        var third = (await db.SendAsync(new GetCandidate.Query(LineResult(body, 3).GetProperty("id").GetInt64()))).LatestAssessment!;
        Assert.Contains(before.ExternalId!, Assert.Single(third.Signals, s => s.IndicatorId == "LINK-05").Evidence.ToJsonString());
        // The earlier candidate's links changed, so it was vetted again in the same batch and now sees the upload.
        Assert.Equal(2, await db.QuerySingleAsync<int>("select count(*)::int from assessments where candidate_id = @storedId", new { storedId }));
        var earlier = (await db.SendAsync(new GetCandidate.Query(storedId))).LatestAssessment!;
        Assert.Contains(c.ExternalId!, Assert.Single(earlier.Signals, s => s.IndicatorId == "LINK-05").Evidence.ToJsonString());
    }

    [Fact]
    public async Task Batches_stored_side_by_side_keep_the_order_of_a_candidate_sent_twice_and_are_audited_as_the_importer()
    {
        var hr = await db.ClientAsync(Roles.Hr);
        var first = Dossiers.Honest();
        var lines = new List<string> { Line(first) };
        lines.AddRange(Enumerable.Range(0, ImportCandidates.MaxBatch - 1).Select(_ => Line(Dossiers.Honest())));
        lines.Add(Line(first with { Role = "Staff engineer" })); // the second batch's first line revises the first batch's
        lines.AddRange(Enumerable.Range(0, 20).Select(_ => Line(Dossiers.Honest())));

        var body = await (await hr.PostAsync("/api/candidates/bulk", Ndjson([.. lines]))).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal((521, 520, 1, 521), (body.GetProperty("received").GetInt32(), body.GetProperty("created").GetInt32(),
            body.GetProperty("revised").GetInt32(), body.GetProperty("vetted").GetInt32()));
        Assert.Equal("created", LineResult(body, 1).GetProperty("outcome").GetString());
        Assert.Equal("revised", LineResult(body, ImportCandidates.MaxBatch + 1).GetProperty("outcome").GetString());
        Assert.Equal((2, "Staff engineer"), await db.QuerySingleAsync<(int, string)>(
            "select current_revision, role from candidates where external_id = @ExternalId", new { first.ExternalId }));
        Assert.Equal(0, await db.QuerySingleAsync<int>("select count(*)::int from candidates where vetting_status = 'pending'"));
        var importers = await db.QueryAsync<string>("select distinct actor from audit_records where action in ('ImportCandidates', 'VetCandidates')");
        Assert.NotEqual("system", Assert.Single(importers));
    }

    [Fact]
    public async Task Anything_but_NDJSON_is_415_and_only_HR_may_import()
    {
        var hr = await db.ClientAsync(Roles.Hr);
        var wrongType = await hr.PostAsync("/api/candidates/bulk", new StringContent(Line(Dossiers.Honest()), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        Assert.Equal("application/problem+json", wrongType.Content.Headers.ContentType?.MediaType);

        var security = await db.ClientAsync(Roles.Security);
        Assert.Equal(HttpStatusCode.Forbidden, (await security.PostAsync("/api/candidates/bulk", Ndjson(Line(Dossiers.Honest())))).StatusCode);
        Assert.Equal(0, await db.QuerySingleAsync<int>("select count(*)::int from candidates"));
    }

    [Fact]
    public async Task A_line_over_the_limit_is_rejected_unread_and_the_lines_around_it_still_count()
    {
        var hr = await db.ClientAsync(Roles.Hr);
        var huge = Line(Dossiers.Honest() with { ResumeText = new string('x', 1_200_000) });

        var body = await (await hr.PostAsync("/api/candidates/bulk?lines=errors", Ndjson(Line(Dossiers.Honest()), huge, Line(Dossiers.Honest()))))
            .Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal((3, 2, 1), (body.GetProperty("received").GetInt32(), body.GetProperty("created").GetInt32(), body.GetProperty("rejected").GetInt32()));
        var only = Assert.Single(body.GetProperty("lines").EnumerateArray());
        Assert.Equal(2, only.GetProperty("line").GetInt32());
        Assert.Contains("longer than", only.GetProperty("errors").GetProperty("body")[0].GetString());
    }
}
