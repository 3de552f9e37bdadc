using HireVet.Application.Candidates;
using HireVet.Application.Checks;
using HireVet.Application.Common.Security;
using HireVet.Application.Vetting;
using HireVet.IntegrationTests.Infrastructure;

namespace HireVet.IntegrationTests.Vetting;

[Collection("db")]
public sealed class ResumeDuplicateTests(DatabaseFixture db) : IAsyncLifetime
{
    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private const string Resume = """
        Senior full-stack engineer with nine years of experience building scalable web applications in React, Node.js and
        Go. Led the migration of a monolithic billing platform to event-driven microservices on Kubernetes, cutting
        infrastructure costs by forty percent. Designed GraphQL APIs consumed by mobile and web clients, mentored five
        junior developers, and introduced contract testing and continuous delivery pipelines. Comfortable owning features
        from database schema to pixel-perfect interfaces, and passionate about clean code, observability and security.
        """;

    private async Task VetPending()
    {
        for (var round = 0; round < 10; round++)
        {
            var pending = await db.QueryAsync<long>("select id from candidates where vetting_status = 'pending' order by id");
            if (pending.Length == 0) return;
            foreach (var id in pending) await db.SendAsync(new VetCandidates.Command([id]), "system", Roles.System);
        }
        Assert.Fail("Vetting kept marking candidates pending: re-vets must not cascade.");
    }

    [Fact]
    public async Task Two_candidates_with_the_same_resume_both_get_LINK_02_with_the_shared_passage()
    {
        var first = (await db.SendAsync(Dossiers.Honest() with { LegalName = "Jason Miller", ResumeText = Resume }, "hana", Roles.Hr)).Id;
        await VetPending();
        var second = (await db.SendAsync(Dossiers.Honest() with { LegalName = "Ryan Scott", ResumeText = Resume.Replace("nine", "eight") }, "hana", Roles.Hr)).Id;
        await VetPending(); // the second, and the first again (its near-duplicate arrived)

        foreach (var (id, other) in new[] { (first, "Ryan Scott"), (second, "Jason Miller") })
        {
            var signal = Assert.Single((await db.SendAsync(new GetCandidate.Query(id))).LatestAssessment!.Signals, s => s.IndicatorId == "LINK-02");
            Assert.Equal(Severity.High, signal.Severity);
            Assert.Contains(other, signal.Explanation);
            Assert.Contains("event-driven microservices on Kubernetes", signal.Evidence["similarResumes"]![0]!["sharedPassage"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task A_different_resume_is_not_linked()
    {
        await db.SendAsync(Dossiers.Honest() with { ResumeText = Resume }, "hana", Roles.Hr);
        var other = (await db.SendAsync(Dossiers.Honest() with
        {
            ResumeText = string.Join(' ', Enumerable.Range(0, 80).Select(i => $"statistics{i % 7} cohort{i % 5} analysis{i}")),
        }, "hana", Roles.Hr)).Id;
        await VetPending();

        var trace = (await db.SendAsync(new GetCandidate.Query(other))).LatestAssessment!.Trace.Single(t => t.Check == "resume-duplicate");
        Assert.Equal("not_fired", trace.Outcome);
    }
}
