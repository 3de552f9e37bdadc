using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HireVet.Application.Candidates;
using HireVet.Application.Checks;
using HireVet.Application.Common.Security;
using HireVet.Application.Reviews;
using HireVet.IntegrationTests.Infrastructure;
using HireVet.IntegrationTests.Notices;

namespace HireVet.IntegrationTests.Vetting;

/// <summary>A ring: Ana and Ben share a bank account, Ben and Cal a phone number. Cal is linked to Ana only through Ben.</summary>
[Collection("db")]
public sealed class RingTests(DatabaseFixture db) : IAsyncLifetime
{
    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(long Ana, long Ben, long Cal)> Ring()
    {
        var ana = await db.SubmitAndVetAllAsync(Dossiers.RingMember("Ana Costa", "771100245", "+1 615 555 0101"));
        var ben = await db.SubmitAndVetAllAsync(Dossiers.RingMember("Ben Osei", "771100245", "+1 615 555 0190"));
        var cal = await db.SubmitAndVetAllAsync(Dossiers.RingMember("Cal Novak", "998877665", "+1 615 555 0190"));
        return (ana, ben, cal);
    }

    [Fact]
    public async Task A_member_linked_only_through_another_is_in_the_ring_and_earlier_members_are_vetted_again()
    {
        var (ana, ben, cal) = await Ring();

        var calAssessment = (await db.SendAsync(new GetCandidate.Query(cal))).LatestAssessment!;
        var ring = Assert.Single(calAssessment.Signals, s => s.IndicatorId == "LINK-09");
        Assert.Contains("ring of 3 candidates", ring.Explanation);
        var members = ring.Evidence["members"]!.AsArray();
        Assert.False(members.Single(m => m!["id"]!.GetValue<long>() == ana)!["linkedDirectly"]!.GetValue<bool>());
        Assert.True(members.Single(m => m!["id"]!.GetValue<long>() == ben)!["linkedDirectly"]!.GetValue<bool>());

        // Ana was vetted alone, again when Ben joined, and again when Cal joined through Ben: now she sees the ring too.
        Assert.Equal(3, await db.QuerySingleAsync<int>("select count(*)::int from assessments where candidate_id = @ana", new { ana }));
        Assert.Contains((await db.SendAsync(new GetCandidate.Query(ana))).LatestAssessment!.Signals, s => s.IndicatorId == "LINK-09");
    }

    [Fact]
    public async Task The_links_endpoint_returns_the_graph_to_reviewers_but_not_to_HR()
    {
        var (ana, ben, cal) = await Ring();

        var graph = await (await db.ClientAsync(Roles.Auditor)).GetFromJsonAsync<JsonElement>($"/api/candidates/{ana}/links");

        Assert.Equal([ana, ben, cal], graph.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetInt64()).Order());
        var edges = graph.GetProperty("edges").EnumerateArray().Select(e => (e.GetProperty("from").GetInt64(), e.GetProperty("to").GetInt64(), e.GetProperty("kind").GetString())).ToArray();
        Assert.Contains((ana, ben, "bank_account"), edges);
        Assert.Contains((ben, cal, "phone"), edges);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await db.ClientAsync(Roles.Hr)).GetAsync($"/api/candidates/{ana}/links")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await db.ClientAsync(Roles.Security)).GetAsync("/api/candidates/999999/links")).StatusCode);
    }

    [Fact]
    public async Task A_rejected_member_makes_the_ring_signal_high_and_a_re_vet_never_overturns_a_human_decision()
    {
        var ana = await db.SubmitAndVetAllAsync(Dossiers.RingMember("Ana Costa", "771100245", "+1 615 555 0101") with { PayrollDestination = new() { Method = "bank_transfer", AccountHolderName = "Christina Moore", AccountNumber = "771100245", RoutingNumber = "064000017" } });
        await db.SendAsync(new ClaimCandidate.Command(ana), "sam");
        var decision = await db.SendAsync(new DecideCandidate.Command { CandidateId = ana, Outcome = "reject", Justification = "Third-party payee, confirmed by phone." }, "sam");
        await db.SendAsync(new ReviewDecision.Command { DecisionId = decision.DecisionId, Verdict = "approved", Justification = "Agreed after reading the evidence." }, "sky");
        await using (var app = new ClockedApp(db)) await app.FinaliseAsync(ana); // the notice, its waiting period, made final

        var ben = await db.SubmitAndVetAllAsync(Dossiers.RingMember("Ben Osei", "771100245", "+1 615 555 0190"));
        var cal = await db.SubmitAndVetAllAsync(Dossiers.RingMember("Cal Novak", "998877665", "+1 615 555 0190"));

        var ring = Assert.Single((await db.SendAsync(new GetCandidate.Query(cal))).LatestAssessment!.Signals, s => s.IndicatorId == "LINK-09");
        Assert.Equal(Severity.High, ring.Severity);
        Assert.Contains("including rejected Ana Costa", ring.Explanation);
        Assert.Equal("rejected", await db.QuerySingleAsync<string>("select status from candidates where id = @ana", new { ana })); // re-vetted, still rejected
        Assert.Equal("review", await db.QuerySingleAsync<string>("select status from candidates where id = @ben", new { ben }));
    }

    /// <summary>Rejected for good: decided, approved, the pre-adverse notice sent, its waiting period passed and made final.</summary>
    private async Task RejectWithApproval(long candidateId)
    {
        await db.SendAsync(new ClaimCandidate.Command(candidateId), "sam");
        var decision = await db.SendAsync(new DecideCandidate.Command { CandidateId = candidateId, Outcome = "reject", Justification = "Third-party payee, confirmed by phone." }, "sam");
        await db.SendAsync(new ReviewDecision.Command { DecisionId = decision.DecisionId, Verdict = "approved", Justification = "Agreed after reading the evidence." }, "sky");
        // A pending rejection changes nothing the ring and referral checks read; the final one does.
        Assert.Empty(await db.QueryAsync<long>("select id from candidates where vetting_status = 'pending'"));
        await using var app = new ClockedApp(db);
        await app.FinaliseAsync(candidateId);
    }

    [Fact]
    public async Task Rejecting_a_member_re_vets_the_rest_of_its_ring_so_their_signal_names_the_rejection()
    {
        var (ana, ben, cal) = await Ring();
        Assert.Equal(Severity.Medium, Assert.Single((await db.SendAsync(new GetCandidate.Query(cal))).LatestAssessment!.Signals, s => s.IndicatorId == "LINK-09").Severity);

        await RejectWithApproval(ana);
        Assert.Equal(["completed", "pending", "pending"], await db.QueryAsync<string>("select vetting_status from candidates order by id"));
        await db.VetAllPendingAsync();

        var ring = Assert.Single((await db.SendAsync(new GetCandidate.Query(cal))).LatestAssessment!.Signals, s => s.IndicatorId == "LINK-09");
        Assert.Equal(Severity.High, ring.Severity);
        Assert.Contains("including rejected Ana Costa", ring.Explanation);
    }

    [Fact]
    public async Task A_referral_is_followed_both_ways_whichever_of_referrer_and_referred_arrives_first()
    {
        // Dan is referred by Eve before Eve applies; Eve's payee is someone else (PAY-04), so she lands in review.
        var dan = await db.SubmitAndVetAllAsync(Dossiers.RingMember("Dan Reyes", "100200300", "+1 615 555 0111") with { ExternalId = "ats-dan", ReferredBy = "Eve Lind", ReferrerId = "ats-eve" });
        Assert.DoesNotContain((await db.SendAsync(new GetCandidate.Query(dan))).LatestAssessment!.Signals, s => s.IndicatorId == "LINK-09");

        var eve = await db.SubmitAndVetAllAsync(Dossiers.RingMember("Eve Lind", "400500600", "+1 615 555 0122") with
        {
            ExternalId = "ats-eve",
            PayrollDestination = new() { Method = "bank_transfer", AccountHolderName = "Christina Moore", AccountNumber = "400500600", RoutingNumber = "064000017" },
        });
        Assert.Equal("review", await db.QuerySingleAsync<string>("select status from candidates where id = @eve", new { eve }));
        await db.VetAllPendingAsync(); // Eve's band changed, so the candidates she referred were marked pending

        var referral = Assert.Single((await db.SendAsync(new GetCandidate.Query(dan))).LatestAssessment!.Signals, s => s.IndicatorId == "LINK-09");
        Assert.Equal(("referral", Severity.Medium), (referral.Check, referral.Severity));
        Assert.Contains("Referred by Eve Lind (ats-eve)", referral.Explanation);

        // A later candidate Eve referred is flagged at once; rejecting Eve makes both referrals high.
        var fay = await db.SubmitAndVetAllAsync(Dossiers.RingMember("Fay Ito", "700800900", "+1 615 555 0133") with { ExternalId = "ats-fay", ReferrerId = "ats-eve" });
        Assert.Contains((await db.SendAsync(new GetCandidate.Query(fay))).LatestAssessment!.Signals, s => s.IndicatorId == "LINK-09");
        await RejectWithApproval(eve);
        await db.VetAllPendingAsync();
        foreach (var referred in new[] { dan, fay })
            Assert.Equal(Severity.High, Assert.Single((await db.SendAsync(new GetCandidate.Query(referred))).LatestAssessment!.Signals, s => s.IndicatorId == "LINK-09").Severity);
    }
}
