using HireVet.Application.Candidates;
using HireVet.Application.Common.Security;
using HireVet.Application.Vetting;
using HireVet.IntegrationTests.Infrastructure;

namespace HireVet.IntegrationTests.Candidates;

/// <summary>The candidate page's queries on the real database: the timeline (and what HR may read of it) and where a
/// person's addresses were seen.</summary>
[Collection("db")]
public sealed class CandidateWorkbenchQueryTests(DatabaseFixture db) : IAsyncLifetime
{
    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_timeline_lists_submissions_assessments_and_decisions_newest_first_and_hides_reviewers_words_from_HR()
    {
        var id = (await db.SendAsync(Dossiers.PayeeMismatch(), "hana", Roles.Hr)).Id;
        await db.SendAsync(new VetCandidates.Command([id]), "system", Roles.System);
        await db.SendAsync(new HireVet.Application.Reviews.ClaimCandidate.Command(id), "sam", Roles.Security);
        await db.SendAsync(new HireVet.Application.Reviews.DecideCandidate.Command
        {
            CandidateId = id, Outcome = "request_information", Justification = "Ask who is paid and why.",
        }, "sam", Roles.Security);

        var security = await db.SendAsync(new GetCandidateTimeline.Query(id), "sam", Roles.Security);
        Assert.Equal(["decision", "assessment", "submission"], security.Entries.Select(e => e.Kind).ToArray());
        var decision = security.Entries[0];
        Assert.Equal(("Decision: request information", "sam", "Ask who is paid and why."), (decision.Title, decision.Actor, decision.Detail));
        Assert.StartsWith("score ", security.Entries[1].Detail);
        Assert.False(security.HasMore);

        var hr = await db.SendAsync(new GetCandidateTimeline.Query(id), "hana", Roles.Hr);
        Assert.Equal(3, hr.Entries.Length);
        Assert.All(hr.Entries.Where(e => e.Kind != "submission"), e => Assert.Null(e.Actor ?? e.Detail));
        Assert.Equal("hana", hr.Entries[2].Actor);
    }

    [Fact]
    public async Task Locations_place_the_dossiers_addresses_and_the_sign_ins_after_the_hire_against_the_claimed_country()
    {
        var dossier = Dossiers.Honest() with
        {
            NetworkObservations = [new() { Ip = "73.12.40.9", ObservedAt = DateTimeOffset.UtcNow.AddDays(-3), Context = "application" }],
            Interviews = [],
        };
        var id = (await db.SendAsync(dossier, "hana", Roles.Hr)).Id;
        var before = await db.SendAsync(new GetCandidateLocations.Query(id), "sam", Roles.Security);
        Assert.Equal("US", before.ClaimedCountry);
        Assert.Null(before.NotEvaluated);
        var home = Assert.Single(before.Places);
        Assert.Equal(("US", "located", 1, 1L, true, false, (bool?)true),
            (home.Country, home.How, home.Addresses, home.Sightings, home.BeforeHire, home.AfterHire, home.MatchesClaim));

        await db.SendAsync(new VetCandidates.Command([id]), "system", Roles.System);
        var worker = await db.SendAsync(new HireVet.Application.Workers.HireCandidate.Command
        {
            CandidateId = id, EmployeeId = "E-1001", StartDate = new DateOnly(2026, 11, 2), WorkEmail = "emily.carter@corp.example",
        }, "hana", Roles.Hr);
        var at = DateTimeOffset.UtcNow.AddDays(-1);
        await db.ExecuteAsync("""
            insert into sign_in_events (source, event_id, principal, worker_id, occurred_at, ip, reported_country, succeeded, received_at)
            values ('okta', 'e1', 'emily.carter@corp.example', @Worker, @At, '73.162.10.20', 'United States', true, now()),
                   ('okta', 'e2', 'emily.carter@corp.example', @Worker, @At, '73.162.10.20', 'United States', true, now()),
                   ('okta', 'e3', 'emily.carter@corp.example', @Worker, @At, '79.192.0.1', 'Germany', true, now())
            """, new { Worker = worker.WorkerId, At = at });

        var after = await db.SendAsync(new GetCandidateLocations.Query(id), "sam", Roles.Security);
        Assert.Equal(2, after.Places.Length);
        var us = after.Places[0];
        Assert.Equal(("US", 2, 3L, true, true, (bool?)true), (us.Country, us.Addresses, us.Sightings, us.BeforeHire, us.AfterHire, us.MatchesClaim));
        Assert.Equal(["United States"], us.ReportedCountries);
        var de = after.Places[1];
        Assert.Equal(("DE", "located", 1L, false, true, (bool?)false), (de.Country, de.How, de.Sightings, de.BeforeHire, de.AfterHire, de.MatchesClaim));
    }
}
