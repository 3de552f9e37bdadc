using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentValidation;
using HireVet.Application.Common.Security;
using HireVet.Application.Reviews;
using HireVet.Application.Vetting;
using HireVet.IntegrationTests.Infrastructure;

namespace HireVet.IntegrationTests.Reviews;

/// <summary>The review queue's filters, sorts, paging and total against the real database: a generated queue of 130
/// candidates (and candidates outside the queue that must never show) is compared with the same filters applied in
/// memory; the columns the queue reads are kept by vetting and by the four-eyes commands.</summary>
[Collection("db")]
public sealed class GetReviewQueueTests(DatabaseFixture db) : IAsyncLifetime
{
    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private sealed record Row(long Id, string Name, string Band, int Score, string[] Indicators, DateTimeOffset ReviewSince, string? ClaimedBy);

    /// <summary>130 candidates in review with every combination of band, indicators, waiting time and claim, plus 20
    /// outside the queue (cleared, awaiting approval) carrying the same indicators.</summary>
    private async Task<Row[]> SeedQueueAsync(DateTimeOffset now)
    {
        var rows = new List<Row>();
        for (var i = 1; i <= 150; i++)
        {
            var band = i % 3 == 0 ? "high" : "review";
            var indicators = new[] { i % 2 == 0 ? "LINK-02" : null, i % 4 == 0 ? "NET-01" : null, i % 5 == 0 ? "PAY-04" : null }
                .OfType<string>().ToArray();
            var status = i > 130 ? (i % 2 == 0 ? "cleared" : "awaiting_approval") : "review";
            var row = new Row(0, $"{(char)('A' + i * 7 % 26)}{(char)('a' + i % 26)} Candidate {i:000}", band,
                band == "high" ? 70 + i % 30 : 30 + i % 40, indicators, now.AddHours(-5 * i),
                i % 7 == 0 ? "sam" : i % 11 == 0 ? "sky" : null);
            var id = await db.QuerySingleAsync<long>("""
                insert into candidates (external_id, legal_name, submitted_by, created_at, updated_at, current_revision, status,
                                        vetting_status, score, band, review_since, indicator_ids, claimed_by, claimed_at)
                values (@ExternalId, @Name, 'test', @Since, @Since, 1, @Status, 'completed', @Score, @Band,
                        case when @Status = 'review' then @Since end, @Indicators, @ClaimedBy, case when @ClaimedBy is not null then @Since end)
                returning id
                """, new { ExternalId = $"queue-{i}", row.Name, Since = row.ReviewSince, Status = status, row.Score, row.Band, row.Indicators, row.ClaimedBy });
            if (status == "review") rows.Add(row with { Id = id });
        }
        await db.ExecuteAsync("insert into users (username, display_name, role, password_hash, created_at) values ('sky', 'Sky Patel', 'security', 'x', now())");
        return [.. rows];
    }

    private static IEnumerable<Row> Sorted(IEnumerable<Row> rows, string? sort) => sort switch
    {
        "oldest" => rows.OrderBy(r => r.ReviewSince).ThenBy(r => r.Id),
        "newest" => rows.OrderByDescending(r => r.ReviewSince).ThenByDescending(r => r.Id),
        "name" => rows.OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Id),
        _ => rows.OrderByDescending(r => r.Score).ThenBy(r => r.Id),
    };

    public static TheoryData<string?, string?, string?, string?, string?> Views => new()
    {
        { null, null, null, null, null },
        { "high", null, null, null, null },
        { "review", "NET-01", null, null, "oldest" },
        { null, "PAY-04", "3", null, "name" },
        { null, null, "7", "unclaimed", "newest" },
        { null, null, null, "me", null },
        { null, null, null, "reviewer:sky", "oldest" },
        { "high", "LINK-02", "1", "unclaimed", "name" },
        { null, "ID-01", null, null, null }, // an indicator no one has
        { null, null, "14", null, "oldest" },
    };

    [Theory]
    [MemberData(nameof(Views))]
    public async Task Each_view_holds_exactly_the_matching_candidates_in_order_paged_by_50_with_the_filtered_total(
        string? band, string? indicator, string? waiting, string? assignee, string? sort)
    {
        var now = DateTimeOffset.UtcNow;
        var rows = await SeedQueueAsync(now);
        var expected = Sorted(rows.Where(r =>
            (band is null || r.Band == band)
            && (indicator is null || r.Indicators.Contains(indicator))
            && (waiting is null || r.ReviewSince < now.AddDays(-int.Parse(waiting)))
            && assignee switch { null => true, "unclaimed" => r.ClaimedBy is null, "me" => r.ClaimedBy == "sam", _ => r.ClaimedBy == assignee["reviewer:".Length..] }),
            sort).Select(r => r.Id).ToArray();

        var seen = new List<long>();
        for (var offset = 0; ; offset += 50)
        {
            var page = await db.SendAsync(new GetReviewQueue.Query
            {
                Band = band, Indicator = indicator, Waiting = waiting, Assignee = assignee, Sort = sort, Limit = 50, Offset = offset,
            }, "sam");
            Assert.Equal(expected.Length, page.Total);
            Assert.True(page.Items.Length <= 50);
            seen.AddRange(page.Items.Select(i => i.Id));
            if (page.Items.Length < 50) break;
        }

        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task A_row_says_who_claimed_it_what_its_latest_assessment_raised_and_since_when_it_waits()
    {
        var now = DateTimeOffset.UtcNow;
        var rows = await SeedQueueAsync(now);
        var sky = rows.Where(r => r.ClaimedBy == "sky").MinBy(r => r.ReviewSince)!;

        var item = Assert.Single((await db.SendAsync(new GetReviewQueue.Query { Assignee = "reviewer:sky", Sort = "oldest", Limit = 1 }, "sam")).Items);

        Assert.Equal(sky.Id, item.Id);
        Assert.Equal(("sky", "Sky Patel"), (item.ClaimedBy, item.ClaimedByName));
        Assert.Equal(sky.Indicators, item.Indicators);
        Assert.Equal(sky.ReviewSince.ToUnixTimeMilliseconds(), item.ReviewSince.ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task Vetting_and_the_four_eyes_commands_keep_the_indicators_and_the_waiting_time_on_the_candidate()
    {
        var before = DateTimeOffset.UtcNow;
        var id = (await db.SendAsync(Dossiers.PayeeMismatch(), "hana", Roles.Hr)).Id;
        Assert.Null(await ReviewSince(id)); // pending vetting: not in the queue
        await db.SendAsync(new VetCandidates.Command([id]), "system", Roles.System);

        var entered = await ReviewSince(id);
        Assert.NotNull(entered);
        Assert.InRange(entered.Value, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        var latestIndicators = await db.QuerySingleAsync<string[]>("""
            select array(select distinct s->>'indicatorId' from jsonb_array_elements(a.signals) s order by 1)
            from assessments a where a.candidate_id = @id order by a.id desc limit 1
            """, new { id });
        Assert.Contains("PAY-04", latestIndicators);
        Assert.Equal(latestIndicators, await db.QuerySingleAsync<string[]>("select indicator_ids from candidates where id = @id", new { id }));
        Assert.Equal([id], (await db.SendAsync(new GetReviewQueue.Query { Indicator = "PAY-04" })).Items.Select(i => i.Id));

        // A re-vet that leaves the candidate in review keeps its place in the line.
        await db.ExecuteAsync("update candidates set vetting_status = 'pending' where id = @id", new { id });
        await db.SendAsync(new VetCandidates.Command([id]), "system", Roles.System);
        Assert.Equal(2, await db.QuerySingleAsync<int>("select count(*)::int from assessments where candidate_id = @id", new { id }));
        Assert.Equal(entered, await ReviewSince(id));

        // Out of the queue while a decision waits for a second reviewer; a declined decision starts a new wait.
        await db.SendAsync(new ClaimCandidate.Command(id), "sam");
        var decision = await db.SendAsync(new DecideCandidate.Command { CandidateId = id, Outcome = "reject", Justification = "Pay goes to a third party." }, "sam");
        Assert.Null(await ReviewSince(id));
        Assert.Empty((await db.SendAsync(new GetReviewQueue.Query())).Items);
        var declinedAt = DateTimeOffset.UtcNow;
        await db.SendAsync(new ReviewDecision.Command { DecisionId = decision.DecisionId, Verdict = "declined", Justification = "The evidence is not enough." }, "sky");
        Assert.True(await ReviewSince(id) >= declinedAt.AddSeconds(-1));
        Assert.Equal([id], (await db.SendAsync(new GetReviewQueue.Query())).Items.Select(i => i.Id));

        // A new revision takes it out until it is vetted again.
        await db.SendAsync(Dossiers.PayeeMismatch(await db.QuerySingleAsync<string>("select external_id from candidates where id = @id", new { id })) with
        {
            Role = "Platform engineer",
        }, "hana", Roles.Hr);
        Assert.Null(await ReviewSince(id));
    }

    private async Task<DateTimeOffset?> ReviewSince(long id) =>
        await db.QuerySingleAsync<DateTime?>("select review_since from candidates where id = @id", new { id }) is { } at
            ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null;

    [Fact]
    public async Task The_database_refuses_a_candidate_in_review_without_the_time_it_entered_review()
    {
        var failure = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => db.ExecuteAsync("""
            insert into candidates (external_id, legal_name, submitted_by, created_at, updated_at, current_revision, status, vetting_status, score, band)
            values ('no-wait', 'No Wait', 'test', now(), now(), 1, 'review', 'completed', 40, 'review')
            """));
        Assert.Equal("ck_candidates_review_since", failure.ConstraintName);
    }

    [Fact]
    public async Task Bad_filters_are_refused_naming_each_field()
    {
        var failure = await Assert.ThrowsAsync<ValidationException>(() => db.SendAsync(new GetReviewQueue.Query
        {
            Band = "clear", Indicator = "NET-1", Waiting = "a week", Assignee = "everyone", Sort = "score desc",
        }));

        Assert.Equal(["assignee", "band", "indicator", "sort", "waiting"], failure.Errors.Select(e => e.PropertyName).Distinct().Order());
        await Assert.ThrowsAsync<ValidationException>(() => db.SendAsync(new GetReviewQueue.Query { Waiting = "0" }));
        await Assert.ThrowsAsync<ValidationException>(() => db.SendAsync(new GetReviewQueue.Query { Assignee = "reviewer:" }));
    }

    [Fact]
    public async Task The_API_takes_the_same_filters_and_answers_a_bad_one_with_a_problem_naming_the_field()
    {
        await SeedQueueAsync(DateTimeOffset.UtcNow);
        var client = await db.ClientAsync(Roles.Security);

        var page = await client.GetFromJsonAsync<JsonElement>("/api/reviews/queue?band=high&indicator=LINK-02&sort=oldest&limit=5&offset=5");
        Assert.Equal(5, page.GetProperty("limit").GetInt32());
        Assert.Equal(5, page.GetProperty("offset").GetInt32());
        Assert.True(page.GetProperty("total").GetInt32() > 10);
        var items = page.GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal(5, items.Length);
        Assert.All(items, i => Assert.Equal("high", i.GetProperty("band").GetString()));
        Assert.All(items, i => Assert.Contains("LINK-02", i.GetProperty("indicators").EnumerateArray().Select(x => x.GetString())));
        var since = items.Select(i => i.GetProperty("reviewSince").GetDateTimeOffset()).ToArray();
        Assert.Equal(since.Order(), since);

        var bad = await client.GetAsync("/api/reviews/queue?band=clear&waiting=soon&assignee=reviewer:");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["assignee", "band", "waiting"], errors.EnumerateObject().Select(p => p.Name).Order());
        Assert.Contains("review or high", errors.GetProperty("band")[0].GetString());
    }

    [Fact]
    public async Task Each_reviewer_sees_others_decisions_to_approve_and_their_own_waiting_for_someone_else()
    {
        var reject = (await db.SendAsync(Dossiers.PayeeMismatch(), "hana", Roles.Hr)).Id;
        await db.SendAsync(new VetCandidates.Command([reject]), "system", Roles.System);
        await db.SendAsync(new ClaimCandidate.Command(reject), "sam");
        var decision = await db.SendAsync(new DecideCandidate.Command { CandidateId = reject, Outcome = "reject", Justification = "Pay goes to a third party." }, "sam");

        var samsOwn = Assert.Single(await db.SendAsync(new GetPendingApprovals.Query(Mine: true), "sam"));
        Assert.Equal((decision.DecisionId, "reject", "Rejecting a candidate needs a second reviewer."), (samsOwn.DecisionId, samsOwn.Outcome, samsOwn.Reason));
        Assert.Empty(await db.SendAsync(new GetPendingApprovals.Query(), "sam"));
        Assert.Equal(decision.DecisionId, Assert.Single(await db.SendAsync(new GetPendingApprovals.Query(), "sky")).DecisionId);
        Assert.Empty(await db.SendAsync(new GetPendingApprovals.Query(Mine: true), "sky"));

        var mine = await (await db.ClientAsync(Roles.Security)).GetFromJsonAsync<JsonElement>("/api/approvals?mine=true");
        Assert.Equal(0, mine.GetArrayLength()); // the API key is a reviewer of its own, who decided nothing
    }
}
