using FluentValidation;
using HireVet.Application.Candidates;
using HireVet.Application.Common.Security;
using HireVet.Application.Vetting;
using HireVet.IntegrationTests.Infrastructure;

namespace HireVet.IntegrationTests.Candidates;

[Collection("db")]
public sealed class SubmitCandidateTests(DatabaseFixture db) : IAsyncLifetime
{
    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Creates_candidate_pending_vetting_and_audits_it_in_the_same_transaction()
    {
        var result = await db.SendAsync(Dossiers.Honest(), "hana", Roles.Hr);

        Assert.Equal("created", result.Outcome);
        Assert.Equal("pending_vetting", result.Status);
        var row = await db.QuerySingleAsync<(string Status, string VettingStatus, string SubmittedBy)>(
            "select status, vetting_status, submitted_by from candidates where id = @Id", new { result.Id });
        Assert.Equal(("pending_vetting", "pending", "hana"), row);
        var audit = await db.QuerySingleAsync<(string Action, string Actor, string ActorRole, string TargetId)>(
            "select action, actor, actor_role, target_id from audit_records");
        Assert.Equal(("SubmitCandidate", "hana", "hr", result.Id.ToString()), audit);
    }

    [Fact]
    public async Task Stores_sensitive_values_encrypted_and_identifiers_only_as_keyed_hashes()
    {
        var dossier = Dossiers.Honest() with
        {
            PayrollDestination = new() { Method = "bank_transfer", AccountHolderName = "Emily Carter", Iban = "GB82 WEST 1234 5698 7654 32" },
        };
        var result = await db.SendAsync(dossier, "hana", Roles.Hr);

        var stored = await db.QuerySingleAsync<(string Dossier, string Sensitive)>(
            "select dossier::text, sensitive_protected from candidate_revisions where candidate_id = @Id", new { result.Id });
        foreach (var secret in new[] { "GB82WEST12345698765432", dossier.IdentityDocument!.Number!, "1991-04-12" })
        {
            Assert.DoesNotContain(secret, stored.Dossier);
            Assert.DoesNotContain(secret, stored.Sensitive);
        }
        var displays = await db.QueryAsync<string>("select display from candidate_identifiers where candidate_id = @Id", new { result.Id });
        Assert.Contains("IBAN ••••5432", displays);
        Assert.DoesNotContain(displays, d => d.Contains("GB82WEST12345698765432"));

        var read = await db.SendAsync(new GetCandidate.Query(result.Id), "sam", Roles.Security);
        Assert.Equal("GB82WEST12345698765432", read.Dossier.PayrollDestination!.Iban);
        Assert.Equal(new DateOnly(1991, 4, 12), read.Dossier.DateOfBirth);
    }

    [Fact]
    public async Task The_same_dossier_again_returns_the_same_candidate_unchanged()
    {
        var dossier = Dossiers.Honest();
        var first = await db.SendAsync(dossier, "hana", Roles.Hr);
        var again = await db.SendAsync(dossier with { LegalName = "  Emily   Carter " }, "hana", Roles.Hr);

        Assert.Equal(first.Id, again.Id);
        Assert.Equal("unchanged", again.Outcome);
        Assert.Equal(1, await db.QuerySingleAsync<int>("select count(*)::int from candidate_revisions"));
    }

    [Fact]
    public async Task A_changed_dossier_becomes_a_new_revision_pending_vetting_again()
    {
        var dossier = Dossiers.Honest();
        var first = await db.SendAsync(dossier, "hana", Roles.Hr);
        await db.SendAsync(new VetCandidates.Command([first.Id]), "system", Roles.System);

        var revised = await db.SendAsync(dossier with { Phone = "+44 20 7946 0958" }, "hana", Roles.Hr);

        Assert.Equal(first.Id, revised.Id);
        Assert.Equal(("revised", 2), (revised.Outcome, revised.Revision));
        var row = await db.QuerySingleAsync<(string Status, string VettingStatus, int Revision)>(
            "select status, vetting_status, current_revision from candidates where id = @Id", new { first.Id });
        Assert.Equal(("pending_vetting", "pending", 2), row);
        Assert.Equal(["+442079460958"], await db.QueryAsync<string>(
            "select display from candidate_identifiers where candidate_id = @Id and kind = 'phone'", new { first.Id }));
    }

    [Fact]
    public async Task An_invalid_dossier_writes_nothing()
    {
        var invalid = Dossiers.Honest() with { ClaimedResidence = Dossiers.Austin with { Country = "XX" } };

        var error = await Assert.ThrowsAsync<ValidationException>(() => db.SendAsync(invalid, "hana", Roles.Hr));

        Assert.Contains(error.Errors, e => e.PropertyName == "claimedResidence.country");
        Assert.Equal(0, await db.QuerySingleAsync<int>("select count(*)::int from candidates"));
        Assert.Equal(0, await db.QuerySingleAsync<int>("select count(*)::int from audit_records"));
    }
}
