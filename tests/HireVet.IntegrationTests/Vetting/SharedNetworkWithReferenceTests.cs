using HireVet.Application.Candidates;
using HireVet.Application.Common.Security;
using HireVet.Application.Dossiers;
using HireVet.IntegrationTests.Infrastructure;

namespace HireVet.IntegrationTests.Vetting;

/// <summary>LINK-12 across stored candidates: a referee of one candidate who answered from another candidate's
/// connection links both, each named in the other's evidence, with the address only as the reviewer may see it.</summary>
[Collection("db")]
public sealed class SharedNetworkWithReferenceTests(DatabaseFixture db) : IAsyncLifetime
{
    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static Reference Referee(string name, string? ip, string? deviceId = null) => new()
    {
        Name = name, Email = $"{name.Split(' ')[0].ToLowerInvariant()}@initech.example", Employer = "Initech", Relationship = "former manager",
        SubmittedFrom = new() { Ip = ip, DeviceId = deviceId, At = DateTimeOffset.UtcNow.AddDays(-1) },
    };

    private async Task<GetCandidate.Response> ReadAsync(long id) => await db.SendAsync(new GetCandidate.Query(id), "sam", Roles.Security);

    [Fact]
    public async Task A_referee_of_one_candidate_answering_from_another_candidates_home_flags_both_and_the_first_is_vetted_again()
    {
        var first = Dossiers.Honest();
        var firstHome = first.NetworkObservations![0].Ip!;
        var firstId = await db.SubmitAndVetAllAsync(first);
        Assert.Equal("clear", (await ReadAsync(firstId)).Band);

        // The second applicant's "former manager" filled in the reference form from the first applicant's home connection.
        var secondDossier = Dossiers.Honest() with { References = [Referee("Dana Whitfield", firstHome)] };
        var secondId = await db.SubmitAndVetAllAsync(secondDossier);

        var second = await ReadAsync(secondId);
        var signal = Assert.Single(second.LatestAssessment!.Signals);
        Assert.Equal(("LINK-12", "high", "review"), (signal.IndicatorId, signal.Severity, second.Band));
        Assert.Contains($"this candidate's reference Dana Whitfield and candidate Emily Carter ({first.ExternalId})", signal.Explanation);
        Assert.Equal(firstHome, signal.Evidence["identifier"]!.GetValue<string>());
        Assert.Equal(firstId, signal.Evidence["links"]![0]!["otherCandidateId"]!.GetValue<long>());

        // The first candidate was vetted again when the second arrived, and now reads the link from its side.
        var again = await ReadAsync(firstId);
        var mirrored = Assert.Single(again.LatestAssessment!.Signals);
        Assert.Equal("LINK-12", mirrored.IndicatorId);
        Assert.Contains($"this candidate and Dana Whitfield, reference of candidate Emily Carter ({secondDossier.ExternalId})", mirrored.Explanation);
    }

    [Fact]
    public async Task Device_ids_are_stored_only_as_keyed_hashes_and_shown_masked_and_referees_on_their_own_connections_link_nobody()
    {
        const string Device = "8F1C2A77-5D0E-4B7A-9A43-2C1D7E5B9A10";
        var first = Dossiers.Honest();
        first = first with { NetworkObservations = [first.NetworkObservations![0] with { DeviceId = Device }] };
        var firstId = await db.SubmitAndVetAllAsync(first);
        // An honest second candidate whose referee answered from an address of their own.
        var honestId = await db.SubmitAndVetAllAsync(Dossiers.Honest() with { References = [Referee("Priya Raman", "73.250.1.9")] });
        // A third whose referee used the first candidate's laptop (the vendor prints its id in lower case).
        var thirdId = await db.SubmitAndVetAllAsync(Dossiers.Honest() with { References = [Referee("Dana Whitfield", null, Device.ToLowerInvariant())] });

        var stored = await db.QueryAsync<string>("select display from network_sightings where kind = 'device'");
        Assert.Equal(["••••9a10", "••••9a10"], stored);
        Assert.Empty(await db.QueryAsync<long>("select candidate_id from network_sightings where display ilike '%2c1d7e5b9a10%'"));

        Assert.Equal("clear", (await ReadAsync(honestId)).Band);
        var signal = Assert.Single((await ReadAsync(thirdId)).LatestAssessment!.Signals);
        Assert.Equal(("LINK-12", "device"), (signal.IndicatorId, signal.Evidence["identifierKind"]!.GetValue<string>()));
        Assert.Equal("••••9a10", signal.Evidence["identifier"]!.GetValue<string>());
        Assert.DoesNotContain("2c1d7e5b9a10", signal.Explanation + signal.Evidence.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("LINK-12", Assert.Single((await ReadAsync(firstId)).LatestAssessment!.Signals).IndicatorId);
    }
}
