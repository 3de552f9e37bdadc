using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HireVet.Application.Access;
using HireVet.Application.Candidates;
using HireVet.Application.Common.Security;
using HireVet.Application.Rescreening;
using HireVet.Application.Vetting;
using HireVet.IntegrationTests.Infrastructure;
using HireVet.Web.Security;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace HireVet.IntegrationTests.Rescreening;

/// <summary>Endpoint snapshots through the upload and a re-screen: the operator's allow-list of remote tools
/// (PostHire:SanctionedRemoteTools) applied by NET-05 and NET-15, and the optional input latency behind NET-16.</summary>
[Collection("db")]
public sealed class EndpointSignalsRescreenTests(DatabaseFixture db) : IAsyncLifetime
{
    private HireVetFactory? _configured;

    public Task InitializeAsync() => db.ResetAsync();

    public async Task DisposeAsync()
    {
        if (_configured is not null) await _configured.DisposeAsync();
    }

    private async Task<long> HiredAsync(string email)
    {
        var id = (await db.SendAsync(Dossiers.Honest(), "hana", Roles.Hr)).Id;
        await db.SendAsync(new VetCandidates.Command([id]), "system", Roles.System);
        var hired = await (await db.ClientAsync(Roles.Hr)).PostAsJsonAsync($"/api/candidates/{id}/hire",
            new { employeeId = $"E-{id}", startDate = "2026-11-02", workEmail = email });
        Assert.Equal(HttpStatusCode.Created, hired.StatusCode);
        return id;
    }

    private static string Snapshot(string id, string user, DateTimeOffset at, string[] software, object? latency = null) => JsonSerializer.Serialize(new
    {
        eventId = id, user, deviceId = $"LT-{user[..3]}", takenAt = at.ToString("O"), publicIp = "73.162.10.20", installedSoftware = software,
        inputLatencyMs = latency,
    });

    private async Task<JsonElement> UploadAsync(params string[] lines)
    {
        var response = await (await db.ClientAsync(Roles.Integration)).PostAsync("/api/integrations/endpoint-snapshots",
            new StringContent(string.Join('\n', lines) + "\n", Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<T> SendAsync<T>(HireVetFactory factory, IRequest<T> request)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Explicit = new Actor("ada", Roles.Admin);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    private static async Task RescreenAsync(HireVetFactory factory)
    {
        var run = await SendAsync(factory, new StartRescreen.Command("full", "manual", 10));
        for (var batch = 1; batch <= run.Batches; batch++)
            Assert.True((await SendAsync(factory, new RescreenBatch.Command(run.RunId!.Value, batch, "test"))).Ran);
    }

    [Fact]
    public async Task A_tool_IT_sanctions_is_excused_and_named_while_two_unsanctioned_ones_raise_NET_05_and_NET_15()
    {
        var farm = await HiredAsync("ana.costa@corp.example");
        var honest = await HiredAsync("ben.osei@corp.example");
        var at = DateTimeOffset.UtcNow.AddDays(-1);
        Assert.Equal(2, (await UploadAsync(
            Snapshot("edr-1", "ana.costa@corp.example", at, ["Slack", "TeamViewer Host 15.48", "AnyDesk 8.0.8", "RustDesk 1.2.3"]),
            Snapshot("edr-2", "ben.osei@corp.example", at, ["Slack", "TeamViewer Host 15.48"]))).GetProperty("accepted").GetInt32());

        _configured = new HireVetFactory(db.ConnectionString, jobsEnabled: false,
            new Dictionary<string, string?> { ["PostHire:SanctionedRemoteTools"] = "TeamViewer" });
        await RescreenAsync(_configured);

        var flagged = (await db.SendAsync(new GetCandidate.Query(farm))).LatestAssessment!;
        var net05 = Assert.Single(flagged.Signals, s => s.IndicatorId == "NET-05");
        Assert.Contains("AnyDesk, RustDesk", net05.Explanation);
        Assert.Contains("TeamViewer", net05.Evidence["sanctioned"]!.ToJsonString());
        Assert.Contains(flagged.Signals, s => s is { IndicatorId: "NET-15", Severity: "high", Weight: 30 });

        var excused = (await db.SendAsync(new GetCandidate.Query(honest))).LatestAssessment!;
        Assert.DoesNotContain(excused.Signals, s => s.IndicatorId is "NET-05" or "NET-15");
        var trace = Assert.Single(excused.Trace, t => t.Check == "remote-control-software");
        Assert.Equal("not_fired", trace.Outcome);
        Assert.Contains("TeamViewer on LT-ben", trace.Reason);
    }

    [Fact]
    public async Task Input_latency_over_the_baseline_all_week_is_NET_16_and_a_malformed_measure_is_rejected_by_field()
    {
        var remote = await HiredAsync("ana.costa@corp.example");
        var local = await HiredAsync("ben.osei@corp.example");
        var day = DateTimeOffset.UtcNow.Date.AddDays(-4);
        var upload = await UploadAsync(
            Snapshot("edr-1", "ana.costa@corp.example", day, ["Slack"], new { p50 = 95, p95 = 182.5, samples = 1400 }),
            Snapshot("edr-2", "ana.costa@corp.example", day.AddDays(1), ["Slack"], new { p50 = 120, p95 = 240, samples = 2100 }),
            Snapshot("edr-3", "ana.costa@corp.example", day.AddDays(2), ["Slack"], new { p95 = 205, samples = 900 }),
            Snapshot("edr-4", "ben.osei@corp.example", day, ["Slack"], new { p50 = 12, p95 = 41, samples = 1500 }),
            Snapshot("edr-5", "ben.osei@corp.example", day.AddDays(1), ["Slack"], new { p50 = 14, p95 = 48, samples = 1800 }),
            Snapshot("edr-6", "ben.osei@corp.example", day.AddDays(2), ["Slack"], new { p50 = 11, p95 = 39, samples = 1600 }),
            Snapshot("edr-7", "ben.osei@corp.example", day.AddDays(3), ["Slack"], new { p50 = 60, p95 = "slow" }),
            Snapshot("edr-8", "ben.osei@corp.example", day.AddDays(3), ["Slack"]));
        Assert.Equal((7, 1), (upload.GetProperty("accepted").GetInt32(), upload.GetProperty("rejected").GetInt32()));
        var errors = upload.GetProperty("errors")[0].GetProperty("errors");
        Assert.Equal(["inputLatencyMs.p95", "inputLatencyMs.samples"], errors.EnumerateObject().Select(p => p.Name).Order());

        await RescreenAsync(db.Factory);

        var flagged = (await db.SendAsync(new GetCandidate.Query(remote))).LatestAssessment!;
        var signal = Assert.Single(flagged.Signals, s => s.IndicatorId == "NET-16");
        Assert.Equal(("medium", 20), (signal.Severity, signal.Weight));
        Assert.Equal(3, signal.Evidence["snapshotsOver"]!.GetValue<int>());
        var honest = (await db.SendAsync(new GetCandidate.Query(local))).LatestAssessment!;
        Assert.Contains(honest.Trace, t => t is { Check: "input-latency", Outcome: "not_fired" });
    }
}
