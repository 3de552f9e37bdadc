using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using HireVet.Application.Notices;
using HireVet.Application.Vetting;

namespace HireVet.UnitTests.Notices;

/// <summary>The letters to candidates: what each outcome says, what each area asks for, and what a letter must never
/// contain (scores, weights, indicator ids, evidence values, other candidates, sanctions-list entries, reviewers' notes,
/// protected attributes).</summary>
public sealed class NoticeLetterTests
{
    private static readonly DateTimeOffset SentAt = new(2026, 12, 2, 9, 30, 0, TimeSpan.Zero);

    private static Signal S(string indicator, string check, int weight = 40, string severity = Severity.High, JsonObject? evidence = null,
        string explanation = "Reviewer-facing sentence.") =>
        new() { IndicatorId = indicator, Check = check, Weight = weight, Severity = severity, Explanation = explanation, Evidence = evidence ?? [] };

    private static string Write(string kind, params Signal[] signals) => NoticeLetter.Write(new NoticeLetter.Input
    {
        Kind = kind, CandidateName = "Daniel Brooks", Role = "Backend engineer", Reference = "HV-12-34", Signals = signals,
        SentAt = SentAt, RespondBy = SentAt.AddDays(5), EmployerName = "Acme Hiring", HowToRespond = "E-mail hiring@acme.example.",
    });

    [Fact]
    public void A_pre_adverse_action_notice_says_the_decision_is_not_final_gives_the_deadline_and_how_to_respond()
    {
        var text = Write(NoticeLetter.PreAdverseAction, S("PAY-04", "payee-name"));

        Assert.StartsWith("Acme Hiring\n2 December 2026\nReference: HV-12-34\n\nDear Daniel Brooks,", text);
        Assert.Contains("Pre-adverse action notice: your application for the role of Backend engineer", text);
        Assert.Contains("This decision is not final.", text);
        Assert.Contains("Please respond by 7 December 2026 at 09:30 UTC. E-mail hiring@acme.example. Quote the reference HV-12-34.", text);
        Assert.Contains("the decision will not be made final before the date above", text);
        Assert.Contains("A Summary of Your Rights Under the Fair Credit Reporting Act", text);
        Assert.Contains("1. Your payment details\nWhat we found:\n- The holder of the bank account you gave for your pay is not you.", text);
        Assert.Contains("a different payroll account in your own name", text);
        Assert.EndsWith("Yours sincerely,\nAcme Hiring\n", text);
    }

    [Fact]
    public void A_request_for_information_is_not_a_decision_and_has_no_waiting_period_or_FCRA_paragraph()
    {
        var text = Write(NoticeLetter.InformationRequest, S("NET-07", "network-origin", weight: 30, severity: Severity.Medium));

        Assert.Contains("Request for information: your application for the role of Backend engineer", text);
        Assert.Contains("This is not a decision about your application.", text);
        Assert.Contains("Please respond by 7 December 2026 at 09:30 UTC.", text);
        Assert.DoesNotContain("not final", text);
        Assert.DoesNotContain("Fair Credit Reporting Act", text);
        Assert.Contains("If you use a VPN for work or privacy, were travelling, or have recently relocated, tell us.", text);
    }

    [Theory]
    [InlineData("network-origin", "NET-07", "Where you connected from", "VPN")]
    [InlineData("impossible-travel", "NET-01", "Where you connected from", "For travel, give the dates and places")]
    [InlineData("identity-document-name", "ID-01", "Your identity details", "marriage certificate")]
    [InlineData("payee-name", "PAY-04", "Your payment details", "bank statement")]
    [InlineData("bank-country", "PAY-02", "Your payment details", "relocated")]
    [InlineData("sanctions-screening", "PAY-13", "Sanctions screening", "date of birth")]
    [InlineData("shipping-address", "SHIP-01", "Equipment shipping", "utility bill")]
    [InlineData("shared-identifiers", "LINK-01", "Details shared with other applications", "We cannot tell you anything about other applications.")]
    [InlineData("interview-camera", "INT-01", "Your interviews", "accommodation")]
    [InlineData("remote-control-software", "NET-05", "Your work account and company device", "Removing it")]
    public void Each_area_says_what_was_found_and_what_would_correct_it(string check, string indicator, string area, string correction)
    {
        var areas = NoticeLetter.Areas([S(indicator, check)]);

        var found = Assert.Single(areas);
        Assert.Equal(area, found.Title);
        Assert.Single(found.Findings);
        Assert.Contains(correction, Assert.Single(found.Corrections));
    }

    [Fact]
    public void Areas_come_in_a_fixed_order_and_each_finding_and_correction_once()
    {
        var areas = NoticeLetter.Areas([
            S("LINK-09", "ring"), S("PAY-04", "bank-numbers"), S("PAY-04", "iban-structure"), S("LINK-09", "referral"), S("NET-08", "network-origin"),
        ]);

        Assert.Equal(["Where you connected from", "Your payment details", "Details shared with other applications"], areas.Select(a => a.Title).ToArray());
        Assert.Single(areas[1].Findings);
        Assert.Single(areas[2].Findings);
    }

    [Fact]
    public void A_check_the_letter_does_not_know_falls_back_to_its_indicator_area()
    {
        var area = Assert.Single(NoticeLetter.Areas([S("SHIP-02", "freight-forwarder")]));
        Assert.Equal("Equipment shipping", area.Title);
    }

    [Fact]
    public void HR_only_indicators_and_signals_that_weighed_nothing_are_never_cited()
    {
        Assert.Empty(NoticeLetter.Areas([
            S("ID-10", "education-country"), S("ID-16", "language-preference"), S("INT-11", "unnatural-language"),
            S("NET-07", "network-origin", weight: 0, severity: Severity.Low), // Apple's relay: low and unweighted
        ]));
        // A critical signal counts whatever its weight (it sets the score to the maximum).
        Assert.Single(NoticeLetter.Areas([S("PAY-13", "sanctions-screening", weight: 0, severity: Severity.Critical)]));
    }

    [Fact]
    public void With_nothing_to_cite_the_letter_still_asks_in_general_terms()
    {
        var text = Write(NoticeLetter.PreAdverseAction, S("ID-16", "language-preference"));

        Assert.Contains("Some of the information in your application could not be confirmed.", text);
        Assert.DoesNotContain("1. ", text);
    }

    [Fact]
    public void No_letter_contains_scores_weights_indicator_ids_evidence_other_candidates_sanctions_entries_or_protected_attributes()
    {
        // Signals as vetting writes them, with evidence naming other candidates, a payee, an SDN entry and its programme.
        Signal[] signals =
        [
            S("PAY-04", "payee-name", weight: 45, evidence: new JsonObject { ["accountHolderName"] = "Christina Moore", ["candidateNames"] = new JsonArray("Daniel Brooks") },
                explanation: "Pay goes to Christina Moore, not the candidate."),
            S("LINK-05", "shared-identifiers", weight: 60, evidence: new JsonObject
            {
                ["kind"] = "bank_account",
                ["otherCandidates"] = new JsonArray(new JsonObject { ["id"] = 4711, ["externalId"] = "ats-ring-7", ["legalName"] = "Ana Costa" }),
            }, explanation: "The bank account is also Ana Costa's (ats-ring-7)."),
            S("LINK-09", "ring", weight: 30, evidence: new JsonObject { ["members"] = new JsonArray("Ben Osei", "Cal Novak"), ["rejected"] = new JsonArray("Ana Costa") },
                explanation: "In a ring of 3 including rejected Ana Costa."),
            S("LINK-09", "referral", weight: 30, evidence: new JsonObject { ["referrer"] = new JsonObject { ["legalName"] = "Ryan Scott", ["status"] = "rejected" } },
                explanation: "Referred by Ryan Scott (ats-77), a candidate who was rejected."),
            S("PAY-13", "sanctions-screening", weight: 100, severity: Severity.Critical, evidence: new JsonObject
            {
                ["sdnEntry"] = "KIM, Sang Man", ["uid"] = 36217, ["programs"] = new JsonArray("DPRK3", "DPRK4"), ["score"] = 0.97,
            }, explanation: "Matches SDN entry KIM, Sang Man (DPRK3)."),
            S("NET-08", "network-origin", weight: 70, evidence: new JsonObject { ["ip"] = "175.45.178.12", ["asn"] = 131279, ["country"] = "KP" },
                explanation: "An IP in the DPRK block 175.45.176.0/22."),
            S("INT-01", "interview-camera", weight: 30, severity: Severity.Medium),
        ];

        foreach (var kind in NoticeLetter.Kinds)
        {
            var text = Write(kind, signals);
            string[] forbidden =
            [
                // other people and their data
                "Christina Moore", "Ana Costa", "ats-ring-7", "4711", "Ben Osei", "Cal Novak", "Ryan Scott", "ats-77",
                // sanctions-list internals
                "KIM, Sang Man", "36217", "DPRK", "SDN", "OFAC", "0.97",
                // network internals and evidence values
                "175.45", "131279", "AS1", "KP",
                // scores, weights, bands, severities, indicator ids, check names, reviewers' sentences
                "score", "weight", "band", "severity", "critical", "PAY-", "LINK-", "NET-", "INT-", "payee-name", "Reviewer-facing",
                // protected attributes (fairness: a letter never cites them)
                "nationality", "national origin", "ethnic", "race", "citizenship", "accent", "language", "appearance", "photo",
                "country of education", "educated", "religion", "Korea", "Korean", "North",
            ];
            foreach (var word in forbidden)
                Assert.False(text.Contains(word, StringComparison.OrdinalIgnoreCase), $"The {kind} letter contains '{word}':\n{text}");
        }
    }

    [Fact]
    public void The_deadline_is_rounded_up_to_the_minute_so_the_letter_never_states_an_earlier_time_than_the_one_enforced()
    {
        var options = new NoticeOptions { AdverseActionWaitingDays = 5, InformationResponseDays = 10 };
        var sent = new DateTimeOffset(2026, 12, 2, 9, 30, 12, 345, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 12, 7, 9, 31, 0, TimeSpan.Zero), NoticeStage.RespondBy(NoticeLetter.PreAdverseAction, sent, options));
        Assert.Equal(new DateTimeOffset(2026, 12, 12, 9, 31, 0, TimeSpan.Zero), NoticeStage.RespondBy(NoticeLetter.InformationRequest, sent, options));
        Assert.Equal(SentAt.AddDays(5), NoticeStage.RespondBy(NoticeLetter.PreAdverseAction, SentAt, options)); // already on the minute
    }

    [Fact]
    public void A_notice_state_follows_what_happened_to_it()
    {
        var respondBy = SentAt.AddDays(5);
        Assert.Equal("finalised", NoticeStage.StateOf(true, false, true, true, NoticeLetter.PreAdverseAction, respondBy, respondBy));
        Assert.Equal("responded", NoticeStage.StateOf(false, true, true, true, NoticeLetter.PreAdverseAction, respondBy, respondBy.AddDays(-1)));
        Assert.Equal("waiting", NoticeStage.StateOf(false, false, true, true, NoticeLetter.PreAdverseAction, respondBy, respondBy.AddMinutes(-1)));
    }

    [Fact]
    public void After_the_deadline_a_pre_adverse_notice_is_ready_to_finalise_and_a_request_is_overdue()
    {
        var respondBy = SentAt.AddDays(5);
        Assert.Equal("ready_to_finalise", NoticeStage.StateOf(false, false, true, true, NoticeLetter.PreAdverseAction, respondBy, respondBy));
        Assert.Equal("overdue", NoticeStage.StateOf(false, false, true, true, NoticeLetter.InformationRequest, respondBy, respondBy));
        Assert.Equal("resent", NoticeStage.StateOf(false, false, false, true, NoticeLetter.PreAdverseAction, respondBy, respondBy));
        Assert.Equal("closed", NoticeStage.StateOf(false, false, true, false, NoticeLetter.PreAdverseAction, respondBy, respondBy));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("61")]
    [InlineData("five")]
    [InlineData("2.5")]
    public void A_waiting_period_that_is_not_a_whole_number_of_days_from_0_to_60_stops_the_start(string value)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Notices:AdverseActionWaitingDays"] = value }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => NoticeOptions.From(configuration));
        Assert.Contains("Notices:AdverseActionWaitingDays", error.Message);
    }

    [Fact]
    public void The_settings_default_to_five_days_and_take_configured_values()
    {
        var empty = new ConfigurationBuilder().Build();
        Assert.Equal((5, 10), (NoticeOptions.From(empty).AdverseActionWaitingDays, NoticeOptions.From(empty).InformationResponseDays));

        var configured = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Notices:AdverseActionWaitingDays"] = "7", ["Notices:EmployerName"] = "Acme Hiring",
        }).Build();
        Assert.Equal((7, "Acme Hiring"), (NoticeOptions.From(configured).AdverseActionWaitingDays, NoticeOptions.From(configured).EmployerName));
    }
}
