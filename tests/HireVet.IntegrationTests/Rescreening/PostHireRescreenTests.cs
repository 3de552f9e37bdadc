using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HireVet.Application.Candidates;
using HireVet.Application.Common.Security;
using HireVet.Application.ReferenceData;
using HireVet.Application.ReferenceData.Network;
using HireVet.Application.Vetting;
using HireVet.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace HireVet.IntegrationTests.Rescreening;

/// <summary>The path end to end, on real PostgreSQL and real Hangfire: a hired worker's Okta log shows sign-ins
/// from two countries, one through a VPN, and the EDR snapshot shows AnyDesk; the next scheduled re-screening flags
/// the worker, the case reopens in the security queue, and a signed webhook reaches the subscriber.</summary>
[Collection("db")]
public sealed class PostHireRescreenTests(DatabaseFixture db) : IAsyncLifetime
{
    private HireVetFactory? _withJobs;
    private WebApplication? _receiver;

    public Task InitializeAsync() => db.ResetAsync();

    public async Task DisposeAsync()
    {
        if (_withJobs is not null) await _withJobs.DisposeAsync();
        if (_receiver is not null) await _receiver.DisposeAsync();
    }

    private sealed record Received(string Body, string? Signature, string? Timestamp, string? Event);

    private async Task<(string Url, ConcurrentQueue<Received> Calls)> StartReceiverAsync()
    {
        var calls = new ConcurrentQueue<Received>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _receiver = builder.Build();
        _receiver.MapPost("/hook", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            calls.Enqueue(new Received(await reader.ReadToEndAsync(), context.Request.Headers["X-HireVet-Signature"],
                context.Request.Headers["X-HireVet-Timestamp"], context.Request.Headers["X-HireVet-Event"]));
            return Results.Ok();
        });
        await _receiver.StartAsync();
        var address = _receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return ($"{address}/hook", calls);
    }

    private async Task<string> VpnAddressAsync()
    {
        var network = (await db.Factory.Services.GetRequiredService<IReferenceData>().LoadedAsync(default)).Get<NetworkIntelligence>(Datasets.Network)!;
        var first = network.VpnRanges.IPv4Ranges.Select(r => r.First)
            .Select(v => new IPAddress([(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v]))
            .First(ip => network.Enrich(ip) is { IsVpn: true, IsICloudPrivateRelay: false });
        return first.ToString();
    }

    private static object Okta(string uuid, DateTimeOffset at, string ip, string country) => new
    {
        uuid, published = at.ToString("O"), eventType = "user.session.start",
        actor = new { alternateId = "Emily.Carter@Corp.Example", type = "User" },
        client = new { ipAddress = ip, userAgent = new { rawUserAgent = "Mozilla/5.0" }, geographicalContext = new { country } },
        outcome = new { result = "SUCCESS" },
        authenticationContext = new { externalSessionId = $"idx-{uuid}" },
    };

    [Fact]
    public async Task A_worker_seen_in_two_countries_through_a_VPN_with_AnyDesk_is_flagged_by_the_next_scheduled_run_reopened_and_reported()
    {
        var (url, calls) = await StartReceiverAsync();
        var candidate = (await db.SendAsync(Dossiers.Honest(), "hana", Roles.Hr)).Id;
        await db.SendAsync(new VetCandidates.Command([candidate]), "system", Roles.System);
        Assert.Equal("clear", await db.QuerySingleAsync<string>("select status from candidates where id = @candidate", new { candidate }));

        var admin = await db.ClientAsync(Roles.Admin);
        var subscription = await (await admin.PostAsJsonAsync("/api/admin/webhooks", new { url, events = new[] { "worker.band_raised" } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var secret = subscription.GetProperty("secret").GetString()!;

        var hr = await db.ClientAsync(Roles.Hr);
        var hired = await hr.PostAsJsonAsync($"/api/candidates/{candidate}/hire",
            new { employeeId = "E-1001", startDate = "2026-11-02", workEmail = "emily.carter@corp.example" });
        Assert.Equal(HttpStatusCode.Created, hired.StatusCode);

        var integration = await db.ClientAsync(Roles.Integration);
        var at = DateTimeOffset.UtcNow.AddHours(-3);
        var okta = await integration.PostAsJsonAsync("/api/integrations/okta/system-log", new[]
        {
            Okta("okta-1", at, "73.162.10.20", "United States"),          // Comcast, US (the claimed home)
            Okta("okta-2", at.AddMinutes(20), "79.192.0.1", "Germany"),   // Deutsche Telekom, DE: twenty minutes later
            Okta("okta-3", at.AddMinutes(40), await VpnAddressAsync(), "Netherlands"),
        });
        var oktaBody = await okta.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((3, 0, 0), (oktaBody.GetProperty("accepted").GetInt32(), oktaBody.GetProperty("rejected").GetInt32(), oktaBody.GetProperty("unmatched").GetInt32()));
        var snapshot = JsonSerializer.Serialize(new
        {
            eventId = "edr-1", user = "emily.carter@corp.example", deviceId = "LT-4411", takenAt = at.AddHours(1).ToString("O"),
            publicIp = "73.162.10.20", installedSoftware = new[] { "Google Chrome", "AnyDesk 8.0.8", "Slack" },
        });
        var edr = await integration.PostAsync("/api/integrations/endpoint-snapshots", new StringContent(snapshot + "\n", Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(1, (await edr.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accepted").GetInt32());

        // The job servers: the nightly run's cron every two seconds (schedules polled every second), webhooks polled every second.
        _withJobs = new HireVetFactory(db.ConnectionString, jobsEnabled: true, new Dictionary<string, string?>
        {
            ["Jobs:RescreenCron"] = "0/2 * * * * ?", ["Jobs:SchedulePollingSeconds"] = "1", ["Jobs:WebhookPollSeconds"] = "1",
        });
        _withJobs.CreateClient().Dispose(); // starts the host and its job servers
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (calls.IsEmpty && DateTime.UtcNow < deadline) await Task.Delay(250);

        var call = Assert.Single(calls);
        Assert.Equal("worker.band_raised", call.Event);
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{call.Timestamp}.{call.Body}")));
        Assert.Equal(expected, call.Signature);
        var payload = JsonDocument.Parse(call.Body).RootElement;
        Assert.Equal(candidate, payload.GetProperty("candidateId").GetInt64());
        Assert.Equal("E-1001", payload.GetProperty("employeeId").GetString());
        Assert.Equal("clear", payload.GetProperty("previousBand").GetString());
        Assert.NotEqual("clear", payload.GetProperty("band").GetString());

        // The case is back in the security queue, with the evidence.
        Assert.Equal("review", await db.QuerySingleAsync<string>("select status from candidates where id = @candidate", new { candidate }));
        var queue = await (await db.ClientAsync(Roles.Security)).GetFromJsonAsync<JsonElement>("/api/reviews/queue");
        Assert.Contains(queue.GetProperty("items").EnumerateArray(), q => q.GetProperty("id").GetInt64() == candidate);
        var assessment = (await db.SendAsync(new GetCandidate.Query(candidate))).LatestAssessment!;
        foreach (var indicator in new[] { "NET-01", "NET-07", "NET-05" })
            Assert.Contains(assessment.Signals, s => s.IndicatorId == indicator && s.Weight > 0 && s.Evidence.Count > 0);
        Assert.Contains("AnyDesk", Assert.Single(assessment.Signals, s => s.IndicatorId == "NET-05").Evidence.ToJsonString());

        var run = await db.QuerySingleAsync<(string Trigger, int Processed, int BandsRaised, long RunId, string? JobKey)>(
            "select trigger, processed, bands_raised, id, job_key from rescreen_runs order by id limit 1");
        Assert.Equal(("schedule", 1, 1), (run.Trigger, run.Processed, run.BandsRaised));
        // Keyed by the background job that started it, so a second delivery of that job would find it.
        Assert.Equal(1, await db.QuerySingleAsync<int>(
            "select count(*)::int from hangfire.job where id = @Id and invocationdata->>'Type' like 'HireVet.Infrastructure.Jobs.StartRescreenJob,%'",
            new { Id = long.Parse(run.JobKey!, System.Globalization.CultureInfo.InvariantCulture) }));
        Assert.Equal(1, await db.QuerySingleAsync<int>("select count(*)::int from assessments where candidate_id = @candidate and rescreen_run_id = @RunId",
            new { candidate, run.RunId }));
        var delivery = await db.QuerySingleAsync<(string Status, int Attempts, int? Code)>("select status, attempts, last_status_code from webhook_deliveries");
        Assert.Equal(("delivered", 1, (int?)200), delivery);
        Assert.Equal(1, await db.QuerySingleAsync<int>("select count(*)::int from webhook_attempts where status_code = 200"));
    }
}
