using HireVet.Infrastructure.Database;
using HireVet.IntegrationTests.Infrastructure;

namespace HireVet.IntegrationTests.Security;

/// <summary>Migration 0035: identity-verification signals stored before quoted both dates of birth in clear; they now
/// say how the dates differ, and nothing else in the evidence changes.</summary>
[Collection("db")]
public sealed class ScrubBirthDatesFromEvidenceTests(DatabaseFixture db) : IAsyncLifetime
{
    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Stored_signals_lose_the_birth_dates_and_keep_how_they_differ()
    {
        var id = await db.SubmitAndVetAllAsync(Dossiers.Honest());
        await db.ExecuteAsync("""
            update assessments set signals = signals || '[
              {"indicatorId": "ID-18", "evidence": {"vendor": "persona", "verifiedDateOfBirth": "1988-09-30", "declaredDateOfBirth": "1991-04-12"}},
              {"indicatorId": "ID-18", "evidence": {"vendor": "persona", "verifiedDateOfBirth": "1991-12-04", "likelyCause": "day and month swapped"}}]'::jsonb
            where candidate_id = @id
            """, new { id });

        await db.ExecuteAsync(MigrationRunner.Embedded().Single(m => m.Version.StartsWith("0035_", StringComparison.Ordinal)).Sql);

        var signals = await db.QuerySingleAsync<string>("select signals::text from assessments where candidate_id = @id order by id desc limit 1", new { id });
        foreach (var date in new[] { "1988-09-30", "1991-04-12", "1991-12-04" }) Assert.DoesNotContain(date, signals);
        Assert.Contains("""{"vendor": "persona", "daysApart": 924, "differsIn": "year, month, day", "dateOfBirth": "different"}""", signals);
        Assert.Contains("""{"vendor": "persona", "dateOfBirth": "day and month swapped", "likelyCause": "day and month swapped"}""", signals);
    }
}
