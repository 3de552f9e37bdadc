using System.Net;
using System.Text.Json;
using HireVet.Application.Access;
using HireVet.Application.Audit;
using HireVet.Application.Common.Security;
using HireVet.Application.Connectors;
using HireVet.Application.Dashboard;
using HireVet.IntegrationTests.Infrastructure;
using HireVet.IntegrationTests.Notices;

namespace HireVet.IntegrationTests.Dashboard;

/// <summary>The dashboard's aggregates against the real database, on candidates, assessments, decisions and workers
/// written straight into the tables with known statuses, scores, signals and times; exact figures expected. And the
/// API gives each role its own sections only.</summary>
[Collection("db")]
public sealed class DashboardQueriesTests(DatabaseFixture db) : IAsyncLifetime
{
    // The queries run at the test's own "now": on the system clock, a Monday 00:00 UTC (or an age bucket's edge)
    // falling between the rows written and the query would move a count to another week than the one expected.
    private ClockedApp _app = null!;
    private DateTimeOffset _now;

    public async Task InitializeAsync()
    {
        await db.ResetAsync();
        _app = new ClockedApp(db);
        _now = _app.Clock.GetUtcNow();
    }

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    /// <summary>A candidate with one revision; its id.</summary>
    private async Task<long> CandidateAsync(string status, string? band, int? score, TimeSpan changedAgo)
    {
        var at = _now - changedAgo;
        var id = await db.QuerySingleAsync<long>("""
            insert into candidates (external_id, legal_name, submitted_by, created_at, updated_at, current_revision, status, vetting_status, score, band,
                                    review_since)
            values (@ExternalId, 'Test Candidate', 'hana', @At, @At, 1, @Status, @Vetting, @Score, @Band, case when @Status = 'review' then @At end)
            returning id
            """, new { ExternalId = Guid.NewGuid().ToString("N"), At = at, Status = status, Vetting = band is null ? "pending" : "completed", Score = score, Band = band });
        await db.ExecuteAsync("""
            insert into candidate_revisions (candidate_id, revision, dossier, sensitive_protected, content_hash, submitted_by, submitted_at)
            values (@Id, 1, '{}', '', 'hash', 'hana', @At)
            """, new { Id = id, At = at });
        return id;
    }

    private Task<long> AssessAsync(long candidate, DateTimeOffset at, params string[] indicators) =>
        db.QuerySingleAsync<long>("""
            insert into assessments (candidate_id, revision_id, score, band, ruleset_version, ruleset_hash, signals, trace, assessed_at)
            select @Candidate, r.id, 40, 'review', 'test', 'hash', @Signals::jsonb, '[]', @At
            from candidate_revisions r where r.candidate_id = @Candidate returning id
            """, new
        {
            Candidate = candidate, At = at,
            Signals = JsonSerializer.Serialize(indicators.Select(i => new { indicatorId = i, check = "test", severity = "high", weight = 10, explanation = "x", evidence = new { } })),
        });

    private async Task<long> DecideAsync(long candidate, string outcome, string by, DateTimeOffset at, bool requiresApproval)
    {
        var assessment = await AssessAsync(candidate, at);
        return await db.QuerySingleAsync<long>("""
            insert into decisions (candidate_id, assessment_id, outcome, justification, band_at_decision, requires_approval, decided_by, decided_at)
            values (@Candidate, @Assessment, @Outcome, 'A justification long enough.', 'high', @RequiresApproval, @By, @At) returning id
            """, new { Candidate = candidate, Assessment = assessment, Outcome = outcome, RequiresApproval = requiresApproval, By = by, At = at });
    }

    /// <summary>PostgreSQL keeps microseconds, .NET ticks of 100 ns.</summary>
    private static void AssertAbout(DateTimeOffset expected, DateTimeOffset? actual) =>
        Assert.InRange((actual!.Value - expected).Duration(), TimeSpan.Zero, TimeSpan.FromMilliseconds(1));

    /// <summary>The index of the week holding <paramref name="at"/> among the twelve ending this week (Monday starts).</summary>
    private int WeekIndex(DateTimeOffset at)
    {
        static DateOnly Monday(DateTimeOffset t)
        {
            var day = DateOnly.FromDateTime(t.UtcDateTime);
            return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        }
        return 11 - (Monday(_now).DayNumber - Monday(at).DayNumber) / 7;
    }

    [Fact]
    public async Task Counts_candidates_by_status_band_and_score_bucket_and_workers_by_status_and_band()
    {
        await CandidateAsync("review", "review", 35, TimeSpan.FromHours(2));
        await CandidateAsync("review", "high", 85, TimeSpan.FromDays(5));
        await CandidateAsync("review", "high", 100, TimeSpan.FromDays(20));
        var hired = await CandidateAsync("clear", "clear", 0, TimeSpan.FromDays(30));
        var left = await CandidateAsync("clear", "clear", 12, TimeSpan.FromDays(30));
        await CandidateAsync("pending_vetting", null, null, TimeSpan.FromMinutes(1));
        await CandidateAsync("awaiting_approval", "high", 72, TimeSpan.FromDays(3));
        await CandidateAsync("rejected", "high", 90, TimeSpan.FromDays(1));
        await db.ExecuteAsync("""
            insert into workers (candidate_id, employee_id, work_email, start_date, status, hired_by, hired_at)
            values (@Hired, 'E-1', 'a@corp.example', '2026-11-02', 'active', 'hana', now()),
                   (@Left, 'E-2', 'b@corp.example', '2026-11-02', 'left', 'hana', now())
            """, new { Hired = hired, Left = left });

        var counts = await db.SendAsync(new CountCandidates.Query());
        var figures = GetDashboard.Figures(counts);

        Assert.Equal(8, figures.Total);
        Assert.Equal(
            [("pending_vetting", 1L), ("clear", 2L), ("review", 3L), ("awaiting_approval", 1L), ("information_requested", 0L), ("rejection_pending", 0L), ("cleared", 0L),
             ("rejected", 1L), ("policy_violation", 0L)],
            figures.ByStatus.Select(c => (c.Key, c.Value)));
        Assert.Equal([("clear", 2L), ("review", 1L), ("high", 4L), ("none", 1L)], figures.ByBand.Select(c => (c.Key, c.Value)));
        // 0, 12, 35, 72, 85, 90 and 100 (the last bucket holds 100); the pending candidate has no score.
        Assert.Equal([1L, 1, 0, 1, 0, 0, 0, 1, 1, 2], GetDashboard.Histogram(counts.Groups).Select(b => b.Value));
        Assert.Equal("90–100", GetDashboard.Histogram(counts.Groups)[9].Key);

        Assert.Equal([("active", "clear", "clear", 1L), ("left", "clear", "clear", 1L)],
            counts.Workers.OrderBy(w => w.Status).Select(w => (w.Status, w.CaseStatus, w.Band!, w.Count)));
    }

    [Fact]
    public async Task The_backlog_is_counted_by_age_and_the_four_eyes_inbox_by_waiting_decisions()
    {
        await CandidateAsync("review", "review", 35, TimeSpan.FromHours(2));
        await CandidateAsync("review", "high", 85, TimeSpan.FromDays(5));
        await CandidateAsync("review", "high", 100, TimeSpan.FromDays(20));
        var bySam = await CandidateAsync("awaiting_approval", "high", 72, TimeSpan.FromDays(3));
        var byMe = await CandidateAsync("awaiting_approval", "review", 40, TimeSpan.FromDays(1));
        var approved = await CandidateAsync("rejected", "high", 90, TimeSpan.FromDays(1));
        await DecideAsync(bySam, "reject", "sam", _now.AddDays(-3), requiresApproval: true);
        await DecideAsync(byMe, "clear", "tester", _now.AddDays(-1), requiresApproval: true);
        var decision = await DecideAsync(approved, "reject", "sam", _now.AddDays(-2), requiresApproval: true);
        await db.ExecuteAsync("""
            insert into decision_approvals (decision_id, verdict, justification, approver, approved_at)
            values (@Decision, 'approved', 'Second look agrees with it.', 'sky', now())
            """, new { Decision = decision });

        var backlog = await _app.SendAsync(new GetReviewBacklog.Query(), actor: "tester");

        Assert.Equal(3, backlog.InReview);
        AssertAbout(_now.AddDays(-20), backlog.OldestSince);
        Assert.Equal([1L, 0, 1, 0, 1], backlog.Ages.Select(a => a.Count));
        Assert.Equal(2, backlog.AwaitingApproval);
        Assert.Equal(1, backlog.AwaitingApprovalOwn);
        AssertAbout(_now.AddDays(-3), backlog.OldestDecisionAt);
    }

    /// <summary>What vetting writes with each assessment: the candidate's current indicators, at the assessment's time.</summary>
    private Task VetAsync(long candidate, DateTimeOffset at, params string[] indicators) =>
        db.ExecuteAsync("update candidates set indicator_ids = @Indicators, updated_at = @At where id = @Candidate",
            new { Candidate = candidate, At = at, Indicators = indicators.Distinct().Order(StringComparer.Ordinal).ToArray() });

    [Fact]
    public async Task Signals_are_counted_in_the_week_an_indicator_is_newly_raised_within_the_last_twelve_weeks()
    {
        var first = await CandidateAsync("review", "review", 35, TimeSpan.Zero);
        var second = await CandidateAsync("review", "high", 85, TimeSpan.Zero);
        var third = await CandidateAsync("review", "high", 85, TimeSpan.Zero);
        var honest = await CandidateAsync("clear", "clear", 0, TimeSpan.Zero);
        var weeks = Weeks.Ending(_now);
        var oldestWeek = new DateTimeOffset(weeks[0].ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(1);

        await VetAsync(second, _now.AddDays(-7 * 13), "PAY-04");     // before the twelve weeks: not counted
        await VetAsync(second, oldestWeek, "NET-07");                 // the first of them; PAY-04 went
        await VetAsync(second, _now, "NET-07", "PAY-04");             // PAY-04 came back: raised again; NET-07 is not new
        await VetAsync(first, _now.AddDays(-7), "PAY-04", "SHIP-01");
        await VetAsync(first, _now, "PAY-04");                        // a re-screen finding PAY-04 again adds nothing
        await VetAsync(third, _now, "PAY-04");
        await db.ExecuteAsync("update candidates set claimed_by = 'sam', claimed_at = now() where id = @Third", new { Third = third }); // no new indicator
        await VetAsync(honest, _now);                                 // no signal

        var result = await _app.SendAsync(new CountSignalsByIndicator.Query());

        Assert.Equal(weeks, result.Weeks);
        Assert.Equal(["PAY-04", "NET-07", "SHIP-01"], result.Indicators.Select(i => i.Key));
        long[] Counts(params (int Week, long Count)[] cells) { var counts = new long[12]; foreach (var (w, c) in cells) counts[w] = c; return counts; }
        Assert.Equal(Counts((10, 1), (11, 2)), result.Indicators[0].Counts);
        Assert.Equal(Counts((0, 1)), result.Indicators[1].Counts);
        Assert.Equal(Counts((10, 1)), result.Indicators[2].Counts);

        // Folding moves the changes into the counts without changing a figure, and leaves nothing to fold.
        var folded = await db.SendAsync(new FoldDashboardCounts.Command(), "system", Roles.System);
        Assert.True(folded.IndicatorChanges > 0);
        Assert.Equal(result.Indicators.Select(i => (i.Key, i.Counts)), (await _app.SendAsync(new CountSignalsByIndicator.Query())).Indicators.Select(i => (i.Key, i.Counts)));
        Assert.Equal(0, await db.QuerySingleAsync<long>("select count(*) from indicator_week_changes"));
    }

    [Fact]
    public async Task The_kept_counts_equal_a_recount_of_the_candidates_through_inserts_updates_folds_and_deletes()
    {
        async Task<(string, string?, int?, long)[]> Kept() =>
            [.. (await db.SendAsync(new CountCandidates.Query())).Groups.Select(g => (g.Status, g.Band, g.Bucket, g.Count)).Order()];
        async Task<(string, string?, int?, long)[]> Recount() =>
            [.. (await db.QueryAsync<CountCandidates.Group>("""
                select status, band, case when score >= 90 then 9 else score / 10 end as bucket, count(*) as count from candidates group by 1, 2, 3
                """)).Select(g => (g.Status, g.Band, g.Bucket, g.Count)).Order()];

        var ids = new List<long>();
        for (var i = 0; i < 6; i++) ids.Add(await CandidateAsync("pending_vetting", null, null, TimeSpan.Zero));
        Assert.Equal(await Recount(), await Kept());

        // One statement moving several candidates, as a vetting batch does; then a fold; then more moves.
        await db.ExecuteAsync("""
            update candidates set status = case when id % 2 = 0 then 'clear' else 'review' end, band = case when id % 2 = 0 then 'clear' else 'high' end,
                   score = (id * 17) % 101, vetting_status = 'completed', review_since = case when id % 2 = 0 then null else now() end
            where id = any(@Ids)
            """, new { Ids = ids.Take(5).ToArray() });
        Assert.Equal(await Recount(), await Kept());
        await db.SendAsync(new FoldDashboardCounts.Command(), "system", Roles.System);
        Assert.Equal(0, await db.QuerySingleAsync<long>("select count(*) from candidate_count_changes"));
        Assert.Equal(await Recount(), await Kept());

        await db.ExecuteAsync("update candidates set status = 'rejected', review_since = null where id = @Id", new { Id = ids[1] });
        await db.ExecuteAsync("update candidates set updated_at = now() where id = any(@Ids)", new { Ids = ids.ToArray() }); // moves nothing
        Assert.Equal(await Recount(), await Kept());
        await db.SendAsync(new FoldDashboardCounts.Command(), "system", Roles.System);
        await db.ExecuteAsync("delete from candidate_revisions where candidate_id = @Id; delete from candidates where id = @Id", new { Id = ids[5] });
        Assert.Equal(await Recount(), await Kept());
        await db.SendAsync(new FoldDashboardCounts.Command(), "system", Roles.System);
        Assert.Equal(await Recount(), await Kept());
        Assert.Equal(0, await db.QuerySingleAsync<long>("select count(*) from candidate_counts where count = 0"));

        // The rebuild (after writing with the triggers off) arrives at the same figures.
        await db.ExecuteAsync("select rebuild_dashboard_counts()");
        Assert.Equal(await Recount(), await Kept());
    }

    [Fact]
    public async Task Decisions_are_counted_per_week_by_outcome_with_the_verdicts_and_the_chain_summary_counts_linked_and_waiting_records()
    {
        var a = await CandidateAsync("rejected", "high", 90, TimeSpan.Zero);
        var b = await CandidateAsync("cleared", "high", 75, TimeSpan.Zero);
        var c = await CandidateAsync("information_requested", "review", 40, TimeSpan.Zero);
        var d = await CandidateAsync("policy_violation", "review", 45, TimeSpan.Zero);
        var rejected = await DecideAsync(a, "reject", "sam", _now.AddDays(-2), requiresApproval: true);
        await DecideAsync(d, "policy_violation", "sam", _now.AddDays(-2), requiresApproval: true);
        await DecideAsync(b, "clear", "sam", _now.AddDays(-9), requiresApproval: true);
        await DecideAsync(c, "request_information", "sam", _now.AddDays(-9), requiresApproval: false);
        await DecideAsync(c, "request_information", "sam", _now.AddDays(-7 * 20), requiresApproval: false); // outside the weeks
        await db.ExecuteAsync("""
            insert into decision_approvals (decision_id, verdict, justification, approver, approved_at)
            values (@Decision, 'declined', 'Not enough evidence for it.', 'sky', @At)
            """, new { Decision = rejected, At = _now.AddDays(-1) });

        var result = await _app.SendAsync(new CountDecisionsByWeek.Query(), role: Roles.Auditor);

        long[] At(params DateTimeOffset[] times) { var counts = new long[12]; foreach (var t in times) counts[WeekIndex(t)]++; return counts; }
        var outcomes = result.Outcomes.ToDictionary(o => o.Key, o => o.Counts);
        Assert.Equal(["clear", "policy_violation", "reject", "request_information"], outcomes.Keys.Order());
        Assert.Equal(At(_now.AddDays(-2)), outcomes["reject"]);
        Assert.Equal(At(_now.AddDays(-2)), outcomes["policy_violation"]); // its own series, never folded into reject
        Assert.Equal(At(_now.AddDays(-9)), outcomes["clear"]);
        Assert.Equal(At(_now.AddDays(-9)), outcomes["request_information"]);
        Assert.Equal([("declined", At(_now.AddDays(-1)))], result.Verdicts.Select(v => (v.Key, v.Counts)));

        // Audited commands: two linked by the chain writer, a third still waiting.
        await db.SendAsync(new CreateUser.Command { Username = "u1", Role = Roles.Hr, Password = "a long test password" }, "fixture", Roles.Admin);
        await db.SendAsync(new CreateUser.Command { Username = "u2", Role = Roles.Hr, Password = "a long test password" }, "fixture", Roles.Admin);
        await db.SendAsync(new ChainAuditRecords.Command(Wait: true), "system", Roles.System);
        await db.SendAsync(new CreateUser.Command { Username = "u3", Role = Roles.Hr, Password = "a long test password" }, "fixture", Roles.Admin);

        var chain = await db.SendAsync(new GetAuditChainSummary.Query(), role: Roles.Auditor);
        Assert.Equal(2, chain.Linked);
        Assert.Equal(1, chain.Waiting);
        Assert.NotNull(chain.NewestLinkedAt);
        Assert.Null(chain.LastWalkAt);

        await db.SendAsync(new RecordAuditChainWalk.Command(), "system", Roles.System); // links the third, then walks all three
        var walked = await db.SendAsync(new GetAuditChainSummary.Query(), role: Roles.Auditor);
        Assert.NotNull(walked.LastWalkAt);
        Assert.True(walked.LastWalkValid);
        Assert.Equal(3, walked.LastWalkThroughSeq);
    }

    [Fact]
    public async Task The_api_gives_each_role_its_own_sections_only()
    {
        await CandidateAsync("review", "high", 85, TimeSpan.FromDays(2));
        await CandidateAsync("clear", "clear", 5, TimeSpan.FromDays(2));

        async Task<JsonElement> DashboardAs(string role)
        {
            var response = await (await db.ClientAsync(role)).GetAsync("/api/dashboard");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        }
        static string[] Sections(JsonElement e) => [.. e.EnumerateObject().Select(p => p.Name).Where(n => n != "role").Order()];

        var hr = await DashboardAs(Roles.Hr);
        Assert.Equal(["candidates", "workers", "workersByBand"], Sections(hr));
        Assert.Equal(2, hr.GetProperty("candidates").GetProperty("total").GetInt64());
        Assert.Equal(1, hr.GetProperty("candidates").GetProperty("byStatus").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "review").GetProperty("value").GetInt64());

        var security = await DashboardAs(Roles.Security);
        Assert.Equal(["backlog", "candidates", "scoreHistogram", "signalsByIndicator", "workers", "workersByBand"], Sections(security));
        Assert.Equal(1, security.GetProperty("backlog").GetProperty("inReview").GetInt64());

        Assert.Equal(["auditChain", "candidates", "connectors", "decisions"], Sections(await DashboardAs(Roles.Auditor)));
        Assert.Equal(["connectors", "referenceData", "scheduler"], Sections(await DashboardAs(Roles.Admin))); // admins read no candidates

        Assert.Equal(HttpStatusCode.Forbidden, (await (await db.ClientAsync(Roles.Integration)).GetAsync("/api/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await (await db.ClientAsync(null)).GetAsync("/api/dashboard")).StatusCode);
    }

    [Fact]
    public async Task Admins_and_auditors_see_each_connectors_health_and_never_a_secret()
    {
        async Task<long> AddAsync(string kind, string name, Dictionary<string, string?> settings, Dictionary<string, string?> secrets) =>
            (await db.SendAsync(new AddConnector.Command { Kind = kind, Name = name, Settings = settings, Secrets = secrets }, "ada", Roles.Admin)).Id;
        var greenhouse = await AddAsync("greenhouse", "Greenhouse", new(), new() { ["apiKey"] = "harvest-key-0123456789" });
        var lever = await AddAsync("lever", "Lever", new(), new() { ["apiKey"] = "lever-key-0123456789", ["signatureToken"] = "lever-token-0123456789" });
        await AddAsync("okta", "Okta", new() { ["orgUrl"] = "https://example.okta.com" }, new());
        var entra = await AddAsync("entra", "Entra", new() { ["tenantId"] = "contoso", ["clientId"] = "app" }, new() { ["clientSecret"] = "entra-secret-0123456789" });
        var removed = await AddAsync("okta", "Old Okta", new() { ["orgUrl"] = "https://old.okta.com" }, new());
        // Greenhouse refused the key; Lever answered (its record is gone, which is still an answer); Okta never synced.
        await db.SendAsync(new RecordConnectorFailure.Command(greenhouse, "sync", "Harvest answered 401 Unauthorized.", "53883394"), "system", Roles.System);
        await db.SendAsync(new StoreAtsRecord.Command(lever, "opp-1", null, DateTimeOffset.UtcNow), "system", Roles.System);
        await db.SendAsync(new ChangeConnectorStatus.Command(entra, ChangeConnectorStatus.Paused), "ada", Roles.Admin);
        await db.SendAsync(new ChangeConnectorStatus.Command(removed, ChangeConnectorStatus.Removed), "ada", Roles.Admin);

        foreach (var role in new[] { Roles.Admin, Roles.Auditor })
        {
            var json = await (await db.ClientAsync(role)).GetStringAsync("/api/dashboard");
            var connectors = JsonDocument.Parse(json).RootElement.GetProperty("connectors").EnumerateArray().ToArray();
            Assert.Equal([("Greenhouse", "greenhouse", "failing"), ("Lever", "lever", "ok"), ("Okta", "okta", "idle"), ("Entra", "entra", "paused")],
                connectors.Select(c => (c.GetProperty("name").GetString(), c.GetProperty("kind").GetString(), c.GetProperty("health").GetString())));
            Assert.Equal("Harvest answered 401 Unauthorized.", connectors[0].GetProperty("lastError").GetString());
            Assert.NotEqual(JsonValueKind.Null, connectors[0].GetProperty("lastErrorAt").ValueKind);
            Assert.NotEqual(JsonValueKind.Null, connectors[1].GetProperty("lastSyncAt").ValueKind);
            Assert.False(connectors[2].TryGetProperty("lastSyncAt", out var never) && never.ValueKind != JsonValueKind.Null);
            Assert.All(connectors, c => Assert.False(c.TryGetProperty("settings", out _)));
            foreach (var secret in new[] { "harvest-key", "lever-key", "lever-token", "entra-secret", "hv_" }) Assert.DoesNotContain(secret, json);
        }
    }
}
