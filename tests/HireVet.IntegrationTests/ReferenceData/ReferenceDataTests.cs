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

        Assert.Equal(["disposable-email-domains", "dprk-network", "free-email-domains", "hosting-networks", "iban-specs", "ip-asn", "ip-country",
            "network-intelligence", "ofac-crypto-addresses", "ofac-sdn", "phone-metadata", "time-zones", "vpn-networks"], datasets.Keys.Order());
        Assert.All(datasets.Values, d => Assert.Equal("loaded", d.GetProperty("status").GetString()));
        var sdn = datasets["ofac-sdn"];
        Assert.Equal(("2025-11-19", 18_367), (sdn.GetProperty("asOf").GetString(), sdn.GetProperty("rows").GetInt64()));
        Assert.Contains("public domain", sdn.GetProperty("licence").GetString());
        Assert.Equal("2026-06-17", datasets["ip-asn"].GetProperty("asOf").GetString());
        Assert.Contains("CC BY 4.0", datasets["ip-asn"].GetProperty("licence").GetString());
        var iban = datasets["iban-specs"];
        Assert.Equal(("version 4.5.4", 124), (iban.GetProperty("asOf").GetString(), iban.GetProperty("rows").GetInt64()));
        Assert.Contains("MPL-2.0", iban.GetProperty("licence").GetString());
    }

    [Fact]
    public async Task Only_an_admin_reloads_and_the_reload_is_audited()
    {
        var security = await db.ClientAsync(Roles.Security);
        Assert.Equal(HttpStatusCode.Forbidden, (await security.PostAsync("/api/reference-data/reload", null)).StatusCode);

        var admin = await db.ClientAsync(Roles.Admin);
        var reloaded = await admin.PostAsync("/api/reference-data/reload", null);

        Assert.Equal(HttpStatusCode.OK, reloaded.StatusCode);
        Assert.Equal(13, (await reloaded.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength());
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
            await mediator.Send(new VetCandidates.Command([id]));
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

    [Fact]
    public async Task Without_the_IBAN_formats_an_IBAN_of_a_country_without_IBANs_is_not_passed_but_its_check_digits_are_checked()
    {
        // "US" with check digits that fit: intake accepts it (the generic IBAN form), only the formats can refuse it.
        var dossier = Dossiers.Honest() with { PayrollDestination = new() { Method = "bank_transfer", Iban = "US51021000021884400112" } };
        await using var factory = new HireVetFactory(db.ConnectionString, jobsEnabled: false, new Dictionary<string, string?>
        {
            ["ReferenceData:NpmModules"] = "/nonexistent/node_modules",
        });
        long id;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            id = (await mediator.Send(dossier)).Id;
            await mediator.Send(new VetCandidates.Command([id]));
        }

        var trace = (await db.SendAsync(new GetCandidate.Query(id))).LatestAssessment!.Trace.ToDictionary(t => t.Check);
        Assert.Equal("not_evaluated", trace["iban-structure"].Outcome);
        Assert.Contains("Reference dataset 'iban-specs' is missing", trace["iban-structure"].Reason);
        Assert.Equal("not_fired", trace["bank-numbers"].Outcome);

        // The same payroll details on an instance with the formats loaded.
        var other = await db.SendAsync(Dossiers.Honest("iban-with-specs") with { PayrollDestination = dossier.PayrollDestination }, "hana", Roles.Hr);
        await db.SendAsync(new VetCandidates.Command([other.Id]), "system", Roles.System);
        var withSpecs = (await db.SendAsync(new GetCandidate.Query(other.Id))).LatestAssessment!;
        Assert.Equal("fired", withSpecs.Trace.Single(t => t.Check == "iban-structure").Outcome);
        Assert.Contains(withSpecs.Signals, s => s.Check == "iban-structure" && s.IndicatorId == "PAY-04" && s.Explanation.Contains("US has no IBANs"));
    }

    [Fact]
    public async Task The_legacy_OFAC_CSV_set_is_loaded_when_no_advanced_XML_is_there_and_the_dataset_says_so()
    {
        var shared = Directory.CreateTempSubdirectory("hirevet-legacy-ofac-");
        try
        {
            // Two entries of the 2025-11-19 list in OFAC's legacy layout (the unit tests write more from the real XML).
            var ofac = Directory.CreateDirectory(Path.Combine(shared.FullName, "ofac")).FullName;
            File.WriteAllText(Path.Combine(ofac, "sdn.csv"),
                "43377,\"KIM, Sang Man\",\"individual\",\"DPRK4\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 25 Apr 1965; " +
                "Digital Currency Address - XBT 1D6gG9iKEhPitTcWRJiniuj1jYM2hNeAfJ.\"\r\n" +
                "43379,\"CHINYONG INFORMATION TECHNOLOGY COOPERATION COMPANY\",-0- ,\"DPRK2\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\u001a");
            File.WriteAllText(Path.Combine(ofac, "alt.csv"), "43377,1,\"a.k.a.\",\"KIM, Sangman\",-0- \r\n");
            File.WriteAllText(Path.Combine(ofac, "add.csv"), "43377,1,-0- ,-0- ,\"Korea, North\",-0- \r\n43379,1,-0- ,\"Pyongyang\",\"Korea, North\",-0- \r\n");
            File.WriteAllText(Path.Combine(ofac, "sdn_comments.csv"), "");
            await using var factory = new HireVetFactory(db.ConnectionString, jobsEnabled: false, new Dictionary<string, string?>
            {
                ["ReferenceData:SharedData"] = shared.FullName,
            });

            var snapshot = await factory.Services.GetRequiredService<IReferenceData>().LoadedAsync(CancellationToken.None);

            var sdn = snapshot.Info(Datasets.OfacSdn);
            Assert.Equal(("loaded", 2), (sdn.Status, sdn.Rows));
            Assert.StartsWith("../shared/data/ofac/sdn.csv + alt.csv + add.csv + sdn_comments.csv", sdn.Source);
            var hit = Assert.Single(snapshot.Get<Application.ReferenceData.Sanctions.SanctionsIndex>(Datasets.OfacSdn)!.Screen("Kim Sang Man"));
            Assert.Equal(43377, hit.Entry.ProfileId);
        }
        finally
        {
            shared.Delete(recursive: true);
        }
    }
}
