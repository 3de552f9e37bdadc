using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HireVet.Application.Candidates;
using HireVet.Application.Common.Security;
using HireVet.Application.ReferenceData;
using HireVet.Application.Vetting;
using HireVet.IntegrationTests.Infrastructure;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace HireVet.IntegrationTests.ReferenceData;

[Collection("db")]
public sealed class ReferenceDataTests(DatabaseFixture db) : IAsyncLifetime
{
    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Every_dataset_is_listed_with_its_date_rows_and_licence()
    {
        await db.Factory.Services.GetRequiredService<IReferenceData>().LoadedAsync(CancellationToken.None);
        var reviewer = await db.ClientAsync(Roles.Security);

        var datasets = (await reviewer.GetFromJsonAsync<JsonElement>("/api/reference-data")).EnumerateArray()
            .ToDictionary(d => d.GetProperty("name").GetString()!);

        Assert.Equal(["disposable-email-domains", "dprk-network", "free-email-domains", "hosting-networks", "ip-asn", "ip-country",
            "network-intelligence", "ofac-crypto-addresses", "ofac-sdn", "phone-metadata", "time-zones", "vpn-networks"], datasets.Keys.Order());
        Assert.All(datasets.Values, d => Assert.Equal("loaded", d.GetProperty("status").GetString()));
        var sdn = datasets["ofac-sdn"];
        Assert.Equal(("2025-11-19", 18_367), (sdn.GetProperty("asOf").GetString(), sdn.GetProperty("rows").GetInt64()));
        Assert.Contains("public domain", sdn.GetProperty("licence").GetString());
        Assert.Equal("2026-06-17", datasets["ip-asn"].GetProperty("asOf").GetString());
        Assert.Contains("CC BY 4.0", datasets["ip-asn"].GetProperty("licence").GetString());
    }

    [Fact]
    public async Task Only_an_admin_reloads_and_the_reload_is_audited()
    {
        var security = await db.ClientAsync(Roles.Security);
        Assert.Equal(HttpStatusCode.Forbidden, (await security.PostAsync("/api/reference-data/reload", null)).StatusCode);

        var admin = await db.ClientAsync(Roles.Admin);
        var reloaded = await admin.PostAsync("/api/reference-data/reload", null);

        Assert.Equal(HttpStatusCode.OK, reloaded.StatusCode);
        Assert.Equal(12, (await reloaded.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength());
        var audit = await db.QuerySingleAsync<(string Action, string Details)>("select action, details from audit_records where action = 'ReloadReferenceData'");
        Assert.Contains("ofac-sdn", audit.Details);
        Assert.Contains("2025-11-19", audit.Details);
    }

    [Fact]
    public async Task Without_the_shared_data_the_checks_that_need_it_are_not_evaluated_never_passed()
    {
        await using var factory = new HireVetFactory(db.ConnectionString, jobsEnabled: false, new Dictionary<string, string?>
        {
            ["ReferenceData:SharedData"] = "/nonexistent/shared/data",
        });
        long id;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            id = (await mediator.Send(Dossiers.Honest() with { PayrollDestination = new() { Method = "crypto", WalletTicker = "USDT", WalletAddress = "TXq7Lh2bGm8NnVJ4qk1wq3cYdW8ZrP5uFe" } })).Id;
            await mediator.Send(new VetCandidate.Command(id));
        }

        var candidate = await db.SendAsync(new GetCandidate.Query(id));
        var trace = candidate.LatestAssessment!.Trace.ToDictionary(t => t.Check);
        foreach (var check in new[] { "network-origin", "impossible-travel", "sanctions-screening", "sanctioned-wallet" })
        {
            Assert.Equal("not_evaluated", trace[check].Outcome);
            Assert.Contains("Reference dataset", trace[check].Reason);
        }
        Assert.Contains("missing", trace["sanctions-screening"].Reason);
        var used = await db.QuerySingleAsync<string>("select reference_data::text from assessments where candidate_id = @id", new { id });
        var sdn = JsonDocument.Parse(used).RootElement.EnumerateArray().Single(d => d.GetProperty("name").GetString() == "ofac-sdn");
        Assert.Equal("missing", sdn.GetProperty("status").GetString()); // the assessment records what it was made without
    }
}
