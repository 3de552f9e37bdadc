using HireVet.Application.Common.Security;
using HireVet.Application.Notices;
using HireVet.Application.Reviews;
using HireVet.Application.Vetting;
using HireVet.IntegrationTests.Infrastructure;
using HireVet.Web.Security;
using MediatR;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace HireVet.IntegrationTests.Notices;

/// <summary>A clock the test moves: the application reads time only from its TimeProvider.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;
    public override DateTimeOffset GetUtcNow() => _now;
    public void Advance(TimeSpan by) => _now += by;
}

/// <summary>The application on the test database with a <see cref="ManualClock"/> in place of the system clock (the
/// fixture's shared app runs on the system clock), so that a waiting period can pass in a test.</summary>
public sealed class ClockedApp : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;
    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <param name="options">Notice settings in place of the configured ones (e.g. a consumer reporting agency).</param>
    public ClockedApp(DatabaseFixture db, NoticeOptions? options = null) =>
        _factory = db.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton<TimeProvider>(Clock);
            if (options is not null) s.AddSingleton(options);
        }));

    public async Task<T> SendAsync<T>(IRequest<T> request, string actor = "tester", string role = Roles.Security)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Explicit = new Actor(actor, role);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    /// <summary>An HTTP client of this app with the same headers (the API key) as a client of the fixture's app.</summary>
    public HttpClient Client(HttpClient like)
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var header in like.DefaultRequestHeaders) client.DefaultRequestHeaders.TryAddWithoutValidation(header.Key, header.Value);
        return client;
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    /// <summary>The candidate's rejection, decided by sam and approved by sky, waiting in rejection_pending.</summary>
    public async Task<long> PendingRejectionAsync(HireVet.Application.Candidates.SubmitCandidate.Command dossier)
    {
        var id = (await SendAsync(dossier, "hana", Roles.Hr)).Id;
        await SendAsync(new VetCandidates.Command([id]), "system", Roles.System);
        return await RejectAsync(id);
    }

    /// <summary>Claims, rejects (sam) and approves (sky) a candidate in review.</summary>
    public async Task<long> RejectAsync(long id)
    {
        await SendAsync(new ClaimCandidate.Command(id), "sam");
        var decision = await SendAsync(new DecideCandidate.Command
        {
            CandidateId = id, Outcome = "reject", Justification = "Pay goes to a third party; the candidate gave no explanation.",
        }, "sam");
        await SendAsync(new ReviewDecision.Command { DecisionId = decision.DecisionId, Verdict = "approved", Justification = "Checked the payee evidence myself." }, "sky");
        return id;
    }

    /// <summary>The whole path to a final rejection: the approval, the notice sent, the waiting period passed, made final.</summary>
    public async Task FinaliseAsync(long id, NoticeOptions? options = null)
    {
        await SendAsync(new RecordNoticeSent.Command { CandidateId = id, Channel = "email" }, "sam");
        Clock.Advance((options ?? new NoticeOptions()).AdverseActionWaitingPeriod + TimeSpan.FromMinutes(1));
        await SendAsync(new FinaliseRejection.Command { CandidateId = id, Justification = "No response within the waiting period." }, "sky");
    }
}
