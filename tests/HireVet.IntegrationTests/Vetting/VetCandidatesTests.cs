using System.Text.Json;
using HireVet.Application.Candidates;
using HireVet.Application.Checks;
using HireVet.Application.Common.Security;
using HireVet.Application.Dossiers;
using HireVet.Application.Vetting;
using HireVet.Application.Vetting.Scoring;
using HireVet.IntegrationTests.Infrastructure;

namespace HireVet.IntegrationTests.Vetting;

[Collection("db")]
public sealed class VetCandidatesTests(DatabaseFixture db) : IAsyncLifetime
{
    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<GetCandidate.Response> SubmitAndVet(SubmitCandidate.Command dossier)
    {
        var submitted = await db.SendAsync(dossier, "hana", Roles.Hr);
        await db.SendAsync(new VetCandidates.Command([submitted.Id]), "system", Roles.System);
        return await db.SendAsync(new GetCandidate.Query(submitted.Id), "sam", Roles.Security);
    }

    [Fact]
    public async Task A_dossier_and_its_assessment_are_stored_compressed_with_lz4()
    {
        var candidate = await SubmitAndVet(Dossiers.Honest() with { ResumeText = string.Join(' ', Enumerable.Range(0, 600).Select(i => $"word{i}")) });

        var (dossier, trace) = await db.QuerySingleAsync<(string, string)>("""
            select pg_column_compression(r.dossier), pg_column_compression(a.trace)
            from candidate_revisions r join assessments a on a.revision_id = r.id where r.candidate_id = @Id
            """, new { candidate.Id });
        Assert.Equal(("lz4", "lz4"), (dossier, trace));
    }

    [Fact]
    public async Task An_honest_candidate_is_cleared_with_every_check_traced()
    {
        var candidate = await SubmitAndVet(Dossiers.Honest());

        Assert.Equal(("clear", "clear", "completed"), (candidate.Status, candidate.Band, candidate.VettingStatus));
        var assessment = candidate.LatestAssessment!;
        Assert.Empty(assessment.Signals);
        Assert.Equal(CheckCatalogue.All.Length, assessment.Trace.Length);
        Assert.DoesNotContain(assessment.Trace, t => t.Outcome == "fired");
        // Only checks whose dossier data is absent (no IBAN, wallet, work history, profiles, references or resume) and the
        // post-hire checks (the candidate is not hired) are not evaluated; every reference dataset was there.
        var notEvaluated = assessment.Trace.Where(t => t.Outcome == "not_evaluated").ToArray();
        string[] postHire =
        [
            "sign-in-travel", "shared-egress", "always-on", "remote-control-software", "ip-kvm-hardware", "sign-in-network",
            "working-hours", "shared-mfa-device", "payroll-change-velocity", "payroll-holder-change", "device-abroad", "device-serial",
            "multiple-remote-tools", "input-latency", "long-meeting-sessions", "onboarding-stand-in",
        ];
        Assert.Equal(new[] { "employment-timeline", "iban-structure", "profile-age", "reference-email", "resume-duplicate", "sanctioned-wallet", "wallet-format",
                "identity-verification", "dormant-profile", "shared-network-with-reference" }
            .Concat(postHire).Order(), notEvaluated.Select(t => t.Check).Order());
        Assert.All(notEvaluated.Where(t => postHire.Contains(t.Check)), t => Assert.Equal("Not hired: no post-hire events.", t.Reason));
        Assert.All(notEvaluated, t => Assert.DoesNotContain("Reference dataset", t.Reason));
        Assert.Equal(Ruleset.Embedded.Version, assessment.RulesetVersion);
        Assert.Equal(Ruleset.Embedded.Hash, assessment.RulesetHash);
    }

    [Fact]
    public async Task A_payee_who_is_someone_else_raises_PAY_04_with_evidence_and_sends_the_candidate_to_review()
    {
        var candidate = await SubmitAndVet(Dossiers.PayeeMismatch());

        Assert.Equal(("review", "review"), (candidate.Status, candidate.Band));
        var signal = Assert.Single(candidate.LatestAssessment!.Signals);
        Assert.Equal(("PAY-04", "high", 40), (signal.IndicatorId, signal.Severity, signal.Weight));
        Assert.Equal("Christina Moore", signal.Evidence["accountHolderName"]!.GetValue<string>());
        Assert.Contains("Christina Moore", signal.Explanation);
    }

    [Fact]
    public async Task Checks_without_the_data_they_need_are_traced_as_not_evaluated()
    {
        var candidate = await SubmitAndVet(new SubmitCandidate.Command { ExternalId = "minimal-1", LegalName = "Noor Haddad" });

        var trace = candidate.LatestAssessment!.Trace.ToDictionary(t => t.Check);
        Assert.Equal("not_evaluated", trace["payee-name"].Outcome);
        Assert.Equal("The dossier has no payroll account holder name.", trace["payee-name"].Reason);
        Assert.Equal("not_evaluated", trace["shipping-address"].Outcome);
        Assert.Equal("clear", candidate.Band);
    }

    [Fact]
    public async Task A_bank_account_and_shipping_address_shared_with_another_candidate_are_linked_by_name()
    {
        var farm = new PostalAddress { Line1 = "4410 Sycamore Ridge Dr", City = "Nashville", Region = "TN", PostalCode = "37211", Country = "US" };
        var first = Dossiers.Honest() with
        {
            LegalName = "Jason Miller", ExternalId = "ring-1",
            PayrollDestination = new() { Method = "bank_transfer", AccountHolderName = "Jason Miller", AccountNumber = "771100245", RoutingNumber = "064000017" },
            // Laptop-farm workers claim to live elsewhere; their laptops all go to the farm.
            EquipmentShipping = new() { RecipientName = "Jason Miller", Address = farm },
            IdentityDocument = null, ClaimedResidence = new PostalAddress { Line1 = "300 Larimer St", City = "Denver", Region = "CO", PostalCode = "80205", Country = "US" },
        };
        await SubmitAndVet(first);
        var second = await SubmitAndVet(first with
        {
            ExternalId = "ring-2", LegalName = "Ryan Scott", Email = "ryan@example.com", Phone = "+1 615 555 0190",
            PayrollDestination = first.PayrollDestination! with { AccountHolderName = "Ryan Scott", AccountNumber = "7711-00245" },
            EquipmentShipping = new() { RecipientName = "Ryan Scott", Address = farm with { Line1 = "4410 Sycamore Ridge Drive" } },
            ClaimedResidence = new PostalAddress { Line1 = "55 E Roosevelt St", City = "Phoenix", Region = "AZ", PostalCode = "85004", Country = "US" },
        });

        // Same account, same laptop address and (reused observations) the same home IP: the laptop-farm pattern.
        var indicators = second.LatestAssessment!.Signals.Select(s => s.IndicatorId).Order().ToArray();
        Assert.Equal(["LINK-04", "LINK-05", "LINK-06", "SHIP-01"], indicators);
        var account = second.LatestAssessment.Signals.Single(s => s.IndicatorId == "LINK-05");
        Assert.Contains("Jason Miller (ring-1)", account.Explanation);
        Assert.Equal("ring-1", account.Evidence["otherCandidates"]![0]!["externalId"]!.GetValue<string>());
        Assert.Equal("high", second.Band);
    }

    [Fact]
    public async Task Vetting_again_is_a_no_op_and_a_revision_adds_a_new_assessment_without_overwriting()
    {
        var dossier = Dossiers.Honest();
        var submitted = await db.SendAsync(dossier, "hana", Roles.Hr);
        await db.SendAsync(new VetCandidates.Command([submitted.Id]), "system", Roles.System);
        await db.SendAsync(new VetCandidates.Command([submitted.Id]), "system", Roles.System);
        Assert.Equal(1, await db.QuerySingleAsync<int>("select count(*)::int from assessments"));

        await db.SendAsync(dossier with
        {
            PayrollDestination = dossier.PayrollDestination! with
            {
                Method = "crypto",
                WalletTicker = "USDT",
                WalletAddress = "TXq7Lh2bGm8NnVJ4qk1wq3cYdW8ZrP5uFe"
            }
        }, "hana", Roles.Hr);
        await db.SendAsync(new VetCandidates.Command([submitted.Id]), "system", Roles.System);

        var assessments = await db.QueryAsync<(string Band, string Signals)>("select band, signals::text from assessments order by id");
        Assert.Equal(2, assessments.Length);
        Assert.Equal("clear", assessments[0].Band);
        Assert.Equal("review", assessments[1].Band);
        Assert.Contains("PAY-01", JsonDocument.Parse(assessments[1].Signals).RootElement.EnumerateArray().Select(s => s.GetProperty("indicatorId").GetString()));
    }
}
