using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HireVet.Application.Candidates;
using HireVet.Application.Common.Security;
using HireVet.Application.Rulesets;
using HireVet.Application.Vetting;
using HireVet.Application.Vetting.Scoring;
using HireVet.IntegrationTests.Infrastructure;

namespace HireVet.IntegrationTests.Rulesets;

[Collection("db")]
public sealed class RulesetGovernanceTests(DatabaseFixture db) : IAsyncLifetime
{
    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    // PAY-04 alone weighs 75 here instead of 40: a third-party payee goes straight to high.
    private static string Stricter => Ruleset.Embedded.Text
        .Replace($"\"version\": \"{Ruleset.Embedded.Version}\"", "\"version\": \"strict-payee-1\"")
        .Replace("\"PAY-04\": { \"medium\": 10, \"high\": 40 }", "\"PAY-04\": { \"medium\": 10, \"high\": 75 }");

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("""{"version":"x","bands":{"review":30,"high":70},"indicators":{"PAY-04":40},"nationality":{"KP":50}}""", "nationality")]
    [InlineData("""{"version":"x","bands":{"review":30,"high":70},"indicators":{"PAY-04":40},"languages":{"ko":30}}""", "languages")]
    [InlineData("""{"version":"x","bands":{"review":30,"high":70},"indicators":{"PAY-04":40},"combinations":[{"name":"x","allOf":["PAY-04","ID-10"],"bonus":5}]}""", "combinations[0].allOf")]
    [InlineData("""{"version":"x","bands":{"review":30,"high":70},"indicators":{"ID-16":20}}""", "indicators.ID-16")]
    [InlineData("""{"version":"x","bands":{"review":30,"high":70},"indicators":{"PAY-04":40},"countryOfEducation":["CN"]}""", "countryOfEducation")]
    [InlineData("""{"version":"x","bands":{"review":70,"high":30},"indicators":{"PAY-04":40}}""", "bands")]
    public async Task The_loader_refuses_unfair_or_malformed_rules_with_a_problem_naming_the_field(string ruleset, string field)
    {
        var admin = await db.ClientAsync(Roles.Admin);
        var response = await admin.PostAsync("/api/rulesets", Json(ruleset));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        Assert.Equal(0, await db.QuerySingleAsync<int>("select count(*)::int from rulesets"));
    }

    [Fact]
    public async Task A_draft_is_shadow_run_over_stored_assessments_then_activated_and_used_with_its_version_recorded()
    {
        await db.SendAsync(new SeedRuleset.Command(), "system", Roles.System);
        var payee = (await db.SendAsync(Dossiers.PayeeMismatch(), "hana", Roles.Hr)).Id;
        var honest = (await db.SendAsync(Dossiers.Honest(), "hana", Roles.Hr)).Id;
        foreach (var id in new[] { payee, honest }) await db.SendAsync(new VetCandidates.Command([id]), "system", Roles.System);

        var admin = await db.ClientAsync(Roles.Admin);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/rulesets", Json(Stricter))).StatusCode);

        var shadow = await (await admin.PostAsync("/api/rulesets/strict-payee-1/shadow-run", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, shadow.GetProperty("candidatesCompared").GetInt32());
        Assert.Equal(1, shadow.GetProperty("transitions").GetProperty("review→high").GetInt32());
        Assert.Equal(1, shadow.GetProperty("transitions").GetProperty("clear→clear").GetInt32());
        var change = shadow.GetProperty("examples")[0];
        Assert.Equal((payee, 75), (change.GetProperty("candidateId").GetInt64(), change.GetProperty("shadowScore").GetInt32()));
        Assert.Equal("review", await db.QuerySingleAsync<string>("select band from candidates where id = @payee", new { payee })); // nothing written

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync("/api/rulesets/strict-payee-1/activate", null)).StatusCode);
        await db.SendAsync(Dossiers.PayeeMismatch() with { ExternalId = (await db.SendAsync(new GetCandidate.Query(payee))).ExternalId, Role = "Platform engineer" }, "hana", Roles.Hr);
        await db.SendAsync(new VetCandidates.Command([payee]), "system", Roles.System);

        var latest = await db.QuerySingleAsync<(string Band, string Version, string Hash)>(
            "select band, ruleset_version, ruleset_hash from assessments where candidate_id = @payee order by id desc limit 1", new { payee });
        Assert.Equal(("high", "strict-payee-1"), (latest.Band, latest.Version));
        Assert.Equal(Ruleset.Parse(Stricter).Hash, latest.Hash);
        var statuses = await db.QueryAsync<(string Version, string Status)>("select version, status from rulesets order by version");
        Assert.Equal([(Ruleset.Embedded.Version, "retired"), ("strict-payee-1", "active")], statuses);
        Assert.Equal(["SeedRuleset", "SubmitRuleset", "ActivateRuleset"],
            await db.QueryAsync<string>("select action from audit_records where target_type = 'ruleset' order by id"));
    }
}
