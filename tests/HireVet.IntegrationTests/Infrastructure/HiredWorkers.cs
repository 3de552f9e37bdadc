using System.Net;
using HireVet.Application.Common.Security;
using HireVet.Application.ReferenceData;
using HireVet.Application.ReferenceData.Network;
using HireVet.Application.Vetting;
using HireVet.Application.Workers;
using Microsoft.Extensions.DependencyInjection;

namespace HireVet.IntegrationTests.Infrastructure;

/// <summary>Hired workers in the states the post-hire tests start from.</summary>
public static class HiredWorkers
{
    /// <summary>An honest candidate, cleared by the checks and hired; after the hire the work account signs in from home,
    /// from Germany twenty minutes later, then through a commercial VPN (a personal VPN hiding where one works); the
    /// re-vet puts the worker's case back in review. The candidate's id.</summary>
    public static async Task<long> InReviewAsync(DatabaseFixture db, string workEmail = "emily.carter@corp.example")
    {
        var id = (await db.SendAsync(Dossiers.Honest(), "hana", Roles.Hr)).Id;
        await db.SendAsync(new VetCandidates.Command([id]), "system", Roles.System);
        var worker = await db.SendAsync(new HireCandidate.Command
        {
            CandidateId = id, EmployeeId = $"E-{id}", StartDate = new DateOnly(2026, 11, 2), WorkEmail = workEmail,
        }, "hana", Roles.Hr);
        var at = DateTimeOffset.UtcNow.AddHours(-3);
        await db.ExecuteAsync("""
            insert into sign_in_events (source, event_id, principal, worker_id, occurred_at, ip, reported_country, succeeded, received_at)
            values ('okta', @Id || '-1', @Email, @Worker, @At, '73.162.10.20', 'United States', true, now()),
                   ('okta', @Id || '-2', @Email, @Worker, @At + interval '20 minutes', '79.192.0.1', 'Germany', true, now()),
                   ('okta', @Id || '-3', @Email, @Worker, @At + interval '40 minutes', @Vpn, 'Netherlands', true, now())
            """, new { Id = id.ToString(), Email = workEmail, Worker = worker.WorkerId, At = at, Vpn = await VpnAddressAsync(db) });
        await db.ExecuteAsync("update candidates set vetting_status = 'pending', vetting_requested_at = now() where id = @id", new { id });
        await db.SendAsync(new VetCandidates.Command([id]), "system", Roles.System);
        Assert.Equal("review", await db.QuerySingleAsync<string>("select status from candidates where id = @id", new { id }));
        return id;
    }

    /// <summary>An address of a commercial VPN in the network reference data.</summary>
    private static async Task<string> VpnAddressAsync(DatabaseFixture db)
    {
        var network = (await db.Factory.Services.GetRequiredService<IReferenceData>().LoadedAsync(default)).Get<NetworkIntelligence>(Datasets.Network)!;
        return network.VpnRanges.IPv4Ranges.Select(r => r.First)
            .Select(v => new IPAddress([(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v]))
            .First(ip => network.Enrich(ip) is { IsVpn: true, IsICloudPrivateRelay: false }).ToString();
    }
}
