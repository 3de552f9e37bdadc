using System.Text.Json.Nodes;
using HireVet.Application.Checks;
using HireVet.Application.Notices;
using Microsoft.Extensions.Configuration;

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
        PreAdverseSentAt = SentAt.AddDays(-8), FinalisedAt = SentAt.AddDays(-1),
    });

    private static readonly ConsumerReportingAgency Agency = new("Example Screening LLC", "PO Box 1000, Springfield, IL 62701", "+1 800 555 0100");

    private static string WriteFinal(ConsumerReportingAgency? agency, params Signal[] signals) => NoticeLetter.Write(new NoticeLetter.Input
    {
        Kind = NoticeLetter.AdverseAction, CandidateName = "Daniel Brooks", Role = "Backend engineer", Reference = "HV-12-34", Signals = signals,
        SentAt = SentAt, RespondBy = agency is null ? SentAt : SentAt.AddDays(60), EmployerName = "Acme Hiring", HowToRespond = "E-mail hiring@acme.example.",
        PreAdverseSentAt = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero), FinalisedAt = new DateTimeOffset(2026, 12, 1, 16, 0, 0, TimeSpan.Zero),
        Agency = agency,
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
    [InlineData("multiple-remote-tools", "NET-15", "Your work account and company device", "Removing them")]
    [InlineData("input-latency", "NET-16", "Your work account and company device", "check the device with you")]
    [InlineData("long-meeting-sessions", "NET-17", "Your work account and company device", "left open by mistake")]
    [InlineData("onboarding-stand-in", "LINK-13", "Details shared with other applications", "repeat a step in person")]
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

        var letters = NoticeLetter.Kinds.Select(kind => (kind, Write(kind, signals))).Append(("adverse_action with an agency", WriteFinal(Agency, signals)));
        foreach (var (kind, text) in letters)
        {
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
    public void The_adverse_action_notice_says_the_decision_is_final_and_when_and_names_the_findings_of_the_first_letter()
    {
        var text = WriteFinal(null, S("PAY-04", "payee-name"), S("NET-07", "network-origin", weight: 30, severity: Severity.Medium));

        Assert.StartsWith("Acme Hiring\n2 December 2026\nReference: HV-12-34\n\nDear Daniel Brooks,", text);
        Assert.Contains("Adverse action notice: your application for the role of Backend engineer", text);
        Assert.Contains("On 20 November 2026 we wrote to you (pre-adverse action notice, reference HV-12-34)", text);
        Assert.Contains("On 1 December 2026 we made that decision final: we will not continue with your application.", text);
        Assert.Contains("The decision was based in whole or in part on the findings described in our letter of 20 November 2026:", text);
        // The same fixed sentences as the first letter, area by area, without the corrections (the time to correct is over).
        Assert.Contains("1. Where you connected from\n- The internet connection used for your application is registered in a different country", text);
        Assert.Contains("2. Your payment details\n- The holder of the bank account you gave for your pay is not you.", text);
        Assert.DoesNotContain("How you can correct or explain it", text);
        Assert.Contains("You may still dispute with us the accuracy or completeness of the information these findings rest on. E-mail hiring@acme.example. Quote the reference HV-12-34.", text);
        Assert.DoesNotContain("not final", text);
        Assert.DoesNotContain("Please respond by", text);
        Assert.EndsWith("Yours sincerely,\nAcme Hiring\n", text);
    }

    [Fact]
    public void Without_an_agency_configured_the_adverse_action_notice_says_no_consumer_report_was_used_and_states_no_deadline()
    {
        var text = WriteFinal(null, S("PAY-04", "payee-name"));

        Assert.Contains("No consumer report from a consumer reporting agency was used in this decision: the checks were made by us, the employer, on the information in your application.", text);
        Assert.DoesNotContain("free copy", text);
        Assert.DoesNotContain("did not make this decision", text);
        Assert.DoesNotContain("Summary of Your Rights", text);
        Assert.DoesNotContain(" UTC", text); // no date to act by
    }

    [Fact]
    public void With_an_agency_configured_the_adverse_action_notice_names_it_and_the_rights_to_a_free_copy_within_60_days_and_to_dispute()
    {
        var text = WriteFinal(Agency, S("PAY-04", "payee-name"));

        Assert.Contains("A background report from the following consumer reporting agency was part of the information this decision was based on:\n" +
            "Example Screening LLC\nPO Box 1000, Springfield, IL 62701\nPhone: +1 800 555 0100\n", text);
        Assert.Contains("Example Screening LLC did not make this decision and cannot tell you why it was made.", text);
        Assert.Contains("You have the right to a free copy of your report from Example Screening LLC if you ask for it within 60 days of receiving this letter " +
            "(counted from the date of this letter, that is until at least 31 January 2027 at 09:30 UTC).", text);
        Assert.Contains("You also have the right to dispute directly with Example Screening LLC the accuracy or completeness of anything in the report.", text);
        Assert.Contains("\"A Summary of Your Rights Under the Fair Credit Reporting Act\" is enclosed.", text);
        Assert.DoesNotContain("No consumer report", text);
        Assert.Contains("You may still dispute with us", text); // the employer too, not only the agency
    }

    [Fact]
    public void The_adverse_action_notice_with_nothing_to_cite_still_says_what_it_rests_on_in_general_terms()
    {
        var text = WriteFinal(null, S("ID-10", "education-country"), S("INT-11", "unnatural-language"));

        Assert.Contains("- Some of the information in your application could not be confirmed.", text);
        Assert.DoesNotContain("1. ", text);
    }

    [Fact]
    public void The_adverse_action_notice_window_is_60_days_from_sending_with_an_agency_and_the_sending_itself_without_one()
    {
        var sent = new DateTimeOffset(2026, 12, 2, 9, 30, 12, 345, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2027, 1, 31, 9, 31, 0, TimeSpan.Zero),
            NoticeStage.RespondBy(NoticeLetter.AdverseAction, sent, new NoticeOptions { ConsumerReportingAgency = Agency }));
        Assert.Equal(sent, NoticeStage.RespondBy(NoticeLetter.AdverseAction, sent, new NoticeOptions()));
        Assert.Equal("final_sent", NoticeStage.StateOf(false, false, true, false, NoticeLetter.AdverseAction, sent, sent.AddDays(90)));
    }

    [Fact]
    public void The_agency_is_configured_with_name_address_and_phone_together_or_not_at_all()
    {
        Assert.Null(NoticeOptions.From(new ConfigurationBuilder().Build()).ConsumerReportingAgency);

        var configured = NoticeOptions.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Notices:ConsumerReportingAgency:Name"] = " Example Screening LLC ", ["Notices:ConsumerReportingAgency:Address"] = "PO Box 1000, Springfield, IL 62701",
            ["Notices:ConsumerReportingAgency:Phone"] = "+1 800 555 0100",
        }).Build());
        Assert.Equal(Agency, configured.ConsumerReportingAgency);

        var partial = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Notices:ConsumerReportingAgency:Name"] = "Example Screening LLC" }).Build();
        var error = Assert.Throws<InvalidOperationException>(() => NoticeOptions.From(partial));
        Assert.Contains("Notices:ConsumerReportingAgency", error.Message);
        Assert.Contains("Address, Phone", error.Message);
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
    public void The_policy_violation_letter_is_about_the_remote_work_policy_and_the_facts_observed_only()
    {
        var text = Write(NoticeLetter.PolicyViolation,
            S("NET-01", "sign-in-travel", weight: 30, severity: Severity.Medium),
            S("NET-07", "sign-in-network", weight: 30, severity: Severity.Medium),
            S("PAY-04", "payee-name"), S("ID-02", "identity-document-name"), S("LINK-09", "ring"));

        Assert.StartsWith("Acme Hiring\n2 December 2026\nReference: HV-12-34\n\nDear Daniel Brooks,\n\nRemote-work policy: where you work from as Backend engineer\n", text);
        Assert.Contains("Our remote-work policy asks everyone who works remotely to work from the location agreed with us", text);
        Assert.Contains("reviewers have concluded that this breaks the remote-work policy.", text);
        Assert.Contains("What we observed\n- Sign-ins to your work account came from different countries too close together in time to travel between them.\n" +
                        "- Sign-ins to your work account came through a VPN or data-centre service", text);
        Assert.Contains("Do not use a travel router, a personal VPN", text);
        Assert.Contains("tell us by 7 December 2026 at 09:30 UTC. E-mail hiring@acme.example. Quote the reference HV-12-34.", text);
        // Findings about the application are no policy matter: the payee, the identity document and other applications are left out.
        Assert.DoesNotContain("bank account", text);
        Assert.DoesNotContain("identity document", text);
        Assert.DoesNotContain("other applications", text);
        Assert.EndsWith("Yours sincerely,\nAcme Hiring\n", text);
    }

    /// <summary>Words of the letters that may end an application: a policy breach must never read as one of them.</summary>
    private static readonly string[] FraudWording =
    [
        "fraud", "false identity", "identity", "impersonat", "DPRK", "North Korea", "sanction", "adverse action", "pre-adverse",
        "not to continue with your application", "will not continue", "could not be confirmed", "could not reconcile", "your application",
        "Fair Credit Reporting Act", "consumer report",
    ];

    /// <summary>Words of the policy letter: a suspected false identity must never read as a policy breach.</summary>
    private static readonly string[] PolicyWording = ["remote-work policy", "policy violation", "breaks the", "travel router", "location agreed with us"];

    [Fact]
    public void The_policy_violation_letter_never_uses_the_wording_of_a_rejection_or_of_suspected_fraud()
    {
        foreach (var signals in new[] { Array.Empty<Signal>(), [S("NET-01", "sign-in-travel"), S("PAY-04", "payee-name"), S("PAY-13", "sanctions-screening")] })
        {
            var text = Write(NoticeLetter.PolicyViolation, signals);
            foreach (var word in FraudWording)
                Assert.False(text.Contains(word, StringComparison.OrdinalIgnoreCase), $"The policy letter contains '{word}':\n{text}");
        }
    }

    [Fact]
    public void The_letters_of_a_rejection_or_a_request_never_use_the_wording_of_a_policy_violation()
    {
        Signal[] signals = [S("NET-01", "sign-in-travel"), S("NET-07", "sign-in-network"), S("PAY-04", "payee-name")];
        var letters = new[] { NoticeLetter.PreAdverseAction, NoticeLetter.AdverseAction, NoticeLetter.InformationRequest }
            .Select(kind => (kind, Write(kind, signals))).Append(("adverse_action with an agency", WriteFinal(Agency, signals)));
        foreach (var (kind, text) in letters)
        foreach (var word in PolicyWording)
            Assert.False(text.Contains(word, StringComparison.OrdinalIgnoreCase), $"The {kind} letter contains '{word}':\n{text}");
    }

    [Fact]
    public void The_policy_violation_letter_with_nothing_to_cite_states_the_mismatch_in_general_terms()
    {
        var text = Write(NoticeLetter.PolicyViolation, S("PAY-04", "payee-name"));

        Assert.Contains("What we observed\n- The sign-ins to your work account or the connections of your company device did not come from the location agreed with you.\n", text);
        Assert.Equal("final_sent", NoticeStage.StateOf(false, false, true, false, NoticeLetter.PolicyViolation, SentAt.AddDays(10), SentAt));
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
