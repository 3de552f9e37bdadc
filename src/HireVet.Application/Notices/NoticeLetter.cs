using System.Globalization;
using System.Text;
using HireVet.Application.Checks;

namespace HireVet.Application.Notices;

/// <summary>Writes the letter to a candidate from the signals of the assessment a decision was based on: what could not
/// be reconciled, in plain words, and how to correct or explain it, area by area. What a letter may disclose is decided
/// here, once: it names the kind of inconsistency found in the candidate's own application and nothing else. No score,
/// weight, band, severity, indicator id, evidence value, reviewer's note, sanctions-list entry or detail of another
/// candidate ever reaches the text: the sentences are fixed per check, and the signal's explanation and evidence are
/// never read. HR-only indicators (ID-10, ID-16, INT-11) and signals that weighed nothing are left out.</summary>
public static class NoticeLetter
{
    public const string InformationRequest = "information_request";
    public const string PreAdverseAction = "pre_adverse_action";
    /// <summary>The second letter, after the rejection was made final (FCRA section 615(a)).</summary>
    public const string AdverseAction = "adverse_action";
    /// <summary>To a worker whose breach of the remote-work/location policy was approved (decision 0048): about the
    /// policy and the facts observed, never about the application or the person.</summary>
    public const string PolicyViolation = "policy_violation";
    public static readonly string[] Kinds = [InformationRequest, PreAdverseAction, AdverseAction, PolicyViolation];

    /// <summary>The days within which a candidate may ask a consumer reporting agency for a free copy of its report
    /// after an adverse action notice (FCRA section 612(a)(1)(B)).</summary>
    public const int ReportCopyDays = 60;

    /// <summary>Catalogue items that must never feed a decision or be cited to a candidate (national-origin proxies).</summary>
    public static readonly string[] HrOnlyIndicators = ["ID-10", "ID-16", "INT-11"];

    public sealed record Input
    {
        public string Kind { get; init; } = PreAdverseAction;
        public string CandidateName { get; init; } = "";
        public string? Role { get; init; }
        /// <summary>Quoted by the candidate in the response.</summary>
        public string Reference { get; init; } = "";
        public IReadOnlyList<Signal> Signals { get; init; } = [];
        public DateTimeOffset SentAt { get; init; }
        public DateTimeOffset RespondBy { get; init; }
        public string EmployerName { get; init; } = "";
        public string HowToRespond { get; init; } = "";
        /// <summary>Adverse action notice: when the rejection was made final.</summary>
        public DateTimeOffset FinalisedAt { get; init; }
        /// <summary>Adverse action notice: when the pre-adverse-action notice it follows was sent.</summary>
        public DateTimeOffset PreAdverseSentAt { get; init; }
        /// <summary>Adverse action notice: the agency whose report was used, or null when none was.</summary>
        public ConsumerReportingAgency? Agency { get; init; }
    }

    /// <summary>One area of the letter: what was found and how to correct it.</summary>
    public sealed record Area(string Title, string[] Findings, string[] Corrections);

    private sealed record Topic(string Area, string Finding, string Correction);

    private const string Identity = "Your identity details";
    private const string Contact = "Your contact details and references";
    private const string Network = "Where you connected from";
    private const string Payment = "Your payment details";
    private const string Sanctions = "Sanctions screening";
    private const string Equipment = "Equipment shipping";
    private const string Links = "Details shared with other applications";
    private const string Interviews = "Your interviews";
    private const string WorkAccount = "Your work account and company device";
    private static readonly string[] AreaOrder = [Identity, Contact, Network, Payment, Sanctions, Equipment, Links, Interviews, WorkAccount];

    private const string ProofOfAddress = "a document showing your current address from the last three months (a utility bill, a lease or a bank statement)";
    private const string VpnTravelRelocation =
        "If you use a VPN for work or privacy, were travelling, or have recently relocated, tell us. For travel, give the dates and places; for a relocation, send " + ProofOfAddress + ".";
    private const string LinkedApplications =
        "We cannot tell you anything about other applications. If details are shared for an ordinary reason (a relative at the same address, a shared family phone, a recruiting agency or a template), tell us.";

    private static readonly Dictionary<string, Topic> ByCheck = new()
    {
        ["identity-document-name"] = new(Identity,
            "The name on the identity document you provided is not one of the names you gave in your application.",
            "If you have changed your name (for example on marriage) or use another spelling, send the document that records it (a marriage certificate, a deed poll or a court order), or an identity document in your current name."),
        ["employment-timeline"] = new(Identity,
            "The dates in your employment history do not fit together (for example, jobs that overlap for a long time, or a job that starts unusually early).",
            "Send the corrected dates, or explain roles held at the same time (such as part-time or freelance work). An employment contract, a reference letter or a tax record helps."),
        ["profile-age"] = new(Identity,
            "A developer profile you gave shows activity dated before the profile was created.",
            "Explain how that history came about (for example, repositories moved from another account) and give the original account if there is one."),
        ["phone-country"] = new(Contact,
            "The phone number you gave is not from the country where you say you live, or it is an internet (VoIP) number.",
            "If you kept a number from another country or use an internet phone service, tell us. A phone bill in your name helps, or give a number registered where you live."),
        ["disposable-email"] = new(Contact,
            "An e-mail address you gave belongs to a temporary (disposable) e-mail service.",
            "Give a permanent e-mail address that you use."),
        ["reference-email"] = new(Contact,
            "An e-mail address given for one of your references does not belong to the employer that reference is from.",
            "Give contact details for your references that we can check with the employer directly (for example, through the company's main switchboard), or explain why the reference uses a personal address."),
        ["network-origin"] = new(Network,
            "The internet connection used for your application is registered in a different country from the one you gave as your home, or came through a VPN, proxy or data-centre service.",
            VpnTravelRelocation),
        ["impossible-travel"] = new(Network,
            "Connections for your application came from different countries too close together in time to travel between them.",
            VpnTravelRelocation),
        ["device-time-zone"] = new(Network,
            "The time zone set on your device does not match the time zone you gave for where you live.",
            "If you were travelling, or keep your device on another time zone, tell us."),
        ["payee-name"] = new(Payment,
            "The holder of the bank account you gave for your pay is not you.",
            "Pay goes only to an account in your own name. If the account is yours under another name (a name change, a joint account), send a bank statement or a letter from the bank showing you as an account holder; otherwise give a different payroll account in your own name."),
        ["crypto-payout"] = new(Payment,
            "You asked to be paid in a cryptocurrency.",
            "We pay salaries into a bank account in your own name: give such an account."),
        ["wallet-format"] = new(Payment,
            "The cryptocurrency wallet address you gave is not a valid address.",
            "We pay salaries into a bank account in your own name: give such an account."),
        ["bank-country"] = new(Payment,
            "The bank account you gave for your pay is in a different country from the one where you say you live, or its details contradict each other.",
            "If you have relocated and still use a bank in your previous country, tell us and send " + ProofOfAddress + ". Otherwise give an account with a bank where you live, with a bank statement showing its details."),
        ["money-transfer-platform"] = new(Payment,
            "You asked to be paid through a money-transfer or e-money service rather than a bank account.",
            "Tell us why, or give a bank account in your own name."),
        ["bank-numbers"] = new(Payment,
            "The bank account numbers you gave do not pass the checks banks use (for example, a mistyped IBAN or routing number).",
            "Check and resend the numbers, ideally with a bank statement or a letter from your bank that shows them."),
        ["iban-structure"] = new(Payment,
            "The bank account numbers you gave do not pass the checks banks use (for example, a mistyped IBAN or routing number).",
            "Check and resend the numbers, ideally with a bank statement or a letter from your bank that shows them."),
        ["payroll-change-velocity"] = new(Payment,
            "The account your pay goes to was changed several times within a short period.",
            "Tell us why the account changed, and send a bank statement in your name for the account you use now."),
        ["payroll-holder-change"] = new(Payment,
            "Your pay was moved to an account held by someone other than you.",
            "Pay goes only to an account in your own name. Send a bank statement showing you as the account holder, or give a different payroll account in your own name."),
        ["sanctions-screening"] = new(Sanctions,
            "A name or other detail in your application resembles an entry on a government sanctions list that employers are required to check. This is often only a similar name.",
            "Send a government-issued identity document showing your full name and date of birth, so that we can confirm that you are not the listed person."),
        ["sanctioned-wallet"] = new(Sanctions,
            "The cryptocurrency wallet you gave for your pay appears on a government sanctions list that employers are required to check.",
            "We pay salaries into a bank account in your own name: give such an account."),
        ["shipping-recipient"] = new(Equipment,
            "The shipping details for your equipment name someone other than you as the recipient.",
            "We ship equipment to you, at the address on your identity document or your confirmed home address. Give your own name, or tell us why someone else should receive it."),
        ["shipping-address"] = new(Equipment,
            "The address you gave for shipping equipment is neither on your identity document nor your stated home address.",
            "If you have moved, send " + ProofOfAddress + ". Otherwise we ship to the address on your identity document."),
        ["shared-identifiers"] = new(Links,
            "Some details in your application (such as a contact detail, a payment account, an address or an identity document number) also appear in other applications we have received.",
            LinkedApplications),
        ["resume-duplicate"] = new(Links,
            "Large parts of your résumé are the same as text in other applications we have received.",
            "If you used a template or a résumé-writing service, or a recruiter rewrote your résumé, tell us. A résumé in your own words helps."),
        ["ring"] = new(Links,
            "Your application is connected with other applications we are reviewing, through shared details or a referral.",
            LinkedApplications + " Tell us how you know the person who referred you, if someone did."),
        ["referral"] = new(Links,
            "Your application is connected with other applications we are reviewing, through shared details or a referral.",
            LinkedApplications + " Tell us how you know the person who referred you, if someone did."),
        ["interview-camera"] = new(Interviews,
            "Your camera was off during the video interviews we recorded.",
            "If there was a reason (for example a disability or a broken camera), tell us: we can arrange another video call, and a needed accommodation is never held against you."),
        ["sign-in-travel"] = new(WorkAccount,
            "Sign-ins to your work account came from different countries too close together in time to travel between them.",
            VpnTravelRelocation),
        ["sign-in-network"] = new(WorkAccount,
            "Sign-ins to your work account came through a VPN or data-centre service, or from a network registered outside the country where you say you live.",
            VpnTravelRelocation),
        ["working-hours"] = new(WorkAccount,
            "Most sign-ins to your work account happen at night in the time zone you gave.",
            "If you work night shifts, were travelling or have moved to another time zone, tell us."),
        ["shared-egress"] = new(WorkAccount,
            "Your work account signed in from the same home or office internet connection as other people's accounts.",
            "If you share a home or office with a colleague, or work from a shared space, tell us."),
        ["always-on"] = new(WorkAccount,
            "Your work account or company device was active without a break for a day or more, or has software or a device that keeps a computer awake.",
            "Tell us about your working pattern and any software or device that keeps your computer awake."),
        ["remote-control-software"] = new(WorkAccount,
            "Remote-control software was found on the company device issued to you.",
            "Tell us whether you installed it and why (for example, support for another job). Removing it and confirming with our IT team helps."),
        ["ip-kvm-hardware"] = new(WorkAccount,
            "Hardware that lets a computer be controlled from elsewhere (such as a KVM-over-IP or video-capture device) was connected to the company device issued to you.",
            "Tell us what the device is and why it is connected; our IT team can confirm once it is removed."),
        ["shared-mfa-device"] = new(WorkAccount,
            "The device that confirms sign-ins to your work account (multi-factor authentication) is also registered for other people's accounts.",
            "Tell us whose device it is, and register a device of your own with our IT team."),
        ["device-abroad"] = new(WorkAccount,
            "The company device issued to you connected from a country other than the one where you say you live.",
            VpnTravelRelocation),
        ["device-serial"] = new(WorkAccount,
            "The laptop seen at your onboarding is not the one we shipped to you.",
            "Tell us where the laptop we shipped is, and show it to our IT team."),
        ["multiple-remote-tools"] = new(WorkAccount,
            "Several remote-control programs that our IT team did not install were found on the company device issued to you.",
            "Tell us whether you installed them and why. Removing them and confirming with our IT team helps."),
        ["input-latency"] = new(WorkAccount,
            "Typing and clicks reached the company device issued to you with delays usual for a device controlled from far away, not for one used where you say you live.",
            "Tell us about your set-up (for example a remote desktop, a docking station or a travel period); our IT team can check the device with you."),
        ["long-meeting-sessions"] = new(WorkAccount,
            "Your work account took part in meeting or screen-sharing sessions lasting more than eight hours.",
            "Tell us what these sessions were (for example a call left open by mistake)."),
        ["onboarding-stand-in"] = new(Links,
            "A person or contact details recorded at one of your onboarding steps (a drug test, document check or equipment receipt) were also recorded at onboarding steps of other new hires.",
            "Tell us who attended your onboarding steps; we can arrange to repeat a step in person."),
    };

    /// <summary>For a check this class does not know yet (a new check), the sentence of its indicator's area.</summary>
    private static readonly (string Prefix, Topic Topic)[] ByIndicatorArea =
    [
        ("ID-", new(Identity, "Some identity details in your application could not be confirmed.", "Send an identity document in your current name and any document that explains a difference (such as a name change).")),
        ("NET-", new(Network, "The internet connections used for your application or work account do not match the location you gave.", VpnTravelRelocation)),
        ("PAY-", new(Payment, "The payment details you gave could not be confirmed.", "Give a bank account in your own name, with a bank statement showing its details.")),
        ("SHIP-", new(Equipment, "The equipment shipping details could not be confirmed.", "Send " + ProofOfAddress + ".")),
        ("INT-", new(Interviews, "Something in your interviews needs to be confirmed.", "Tell us if anything affected your interviews; we can arrange another video call.")),
        ("LINK-", new(Links, "Your application is connected with other applications we are reviewing.", LinkedApplications)),
    ];

    /// <summary>The areas the letter cites, in a fixed order, each finding and correction once.</summary>
    public static IReadOnlyList<Area> Areas(IEnumerable<Signal> signals)
    {
        var topics = signals
            .Where(s => !HrOnlyIndicators.Contains(s.IndicatorId) && (s.Weight > 0 || s.Severity == Severity.Critical))
            .Select(TopicOf).OfType<Topic>().ToArray();
        return AreaOrder
            .Select(area => new Area(area,
                topics.Where(t => t.Area == area).Select(t => t.Finding).Distinct().ToArray(),
                topics.Where(t => t.Area == area).Select(t => t.Correction).Distinct().ToArray()))
            .Where(a => a.Findings.Length > 0)
            .ToArray();
    }

    private static Topic? TopicOf(Signal s) =>
        ByCheck.TryGetValue(s.Check, out var topic) ? topic
        : ByIndicatorArea.Where(a => s.IndicatorId.StartsWith(a.Prefix, StringComparison.Ordinal)).Select(a => a.Topic).FirstOrDefault();

    public static string Subject(string kind, string? role) =>
        kind == PolicyViolation
            ? "Remote-work policy: where you work from" + (string.IsNullOrWhiteSpace(role) ? "" : $" as {role}")
            : (kind switch { PreAdverseAction => "Pre-adverse action notice", AdverseAction => "Adverse action notice", _ => "Request for information" }) + ": your application" +
              (string.IsNullOrWhiteSpace(role) ? "" : $" for the role of {role}");

    /// <summary>Every letter's opening: sender, date, reference, salutation and subject.</summary>
    private static void Opening(StringBuilder text, Input input) =>
        text.Append(input.EmployerName).Append('\n')
            .Append(Date(input.SentAt)).Append('\n')
            .Append($"Reference: {input.Reference}").Append("\n\n")
            .Append($"Dear {input.CandidateName},").Append("\n\n")
            .Append(Subject(input.Kind, input.Role)).Append("\n\n");

    /// <summary>The letter's full text, plain text with blank lines between paragraphs.</summary>
    public static string Write(Input input)
    {
        if (!Kinds.Contains(input.Kind)) throw new ArgumentException($"Unknown notice kind '{input.Kind}'.", nameof(input));
        if (input.Kind == AdverseAction) return WriteAdverseAction(input);
        if (input.Kind == PolicyViolation) return WritePolicyViolation(input);
        var preAdverse = input.Kind == PreAdverseAction;
        var areas = Areas(input.Signals);
        var text = new StringBuilder();
        void Paragraph(string line = "") => text.Append(line).Append('\n');

        Opening(text, input);
        Paragraph("We check every application we receive in the same way: whether the information in it is consistent and can be confirmed.");
        Paragraph(preAdverse
            ? "Based on those checks, we are considering a decision not to continue with your application. This decision is not final. Before it is made, you have the right to know what we found and to correct or explain it."
            : "Some of the information in your application could not be confirmed, and we need your help before we can continue. This is not a decision about your application.");
        Paragraph();

        Paragraph(preAdverse ? "What we could not reconcile, and how you can correct it" : "What we need you to confirm, and how");
        Paragraph();
        if (areas.Count == 0)
        {
            Paragraph("Some of the information in your application could not be confirmed.");
            Paragraph("How you can correct or explain it:");
            Paragraph("- Tell us about anything in your application that may be out of date or wrong, and send documents that support it (an identity document in your current name, " + ProofOfAddress + ", a bank statement in your name).");
            Paragraph();
        }
        for (var i = 0; i < areas.Count; i++)
        {
            Paragraph($"{i + 1}. {areas[i].Title}");
            Paragraph("What we found:");
            foreach (var finding in areas[i].Findings) Paragraph($"- {finding}");
            Paragraph("How you can correct or explain it:");
            foreach (var correction in areas[i].Corrections) Paragraph($"- {correction}");
            Paragraph();
        }

        Paragraph("How to respond");
        Paragraph($"Please respond by {Deadline(input.RespondBy)}. {input.HowToRespond} Quote the reference {input.Reference}.");
        Paragraph("Tell us what is wrong, missing or out of date, and send copies of any documents that support it. You may also simply tell us that you dispute what we found.");
        Paragraph();
        Paragraph("What happens next");
        if (preAdverse)
        {
            Paragraph("Nothing is decided by a computer: people review your application, and the decision will not be made final before the date above. If you respond, a reviewer will look at your application again and make a new decision. If we do not hear from you by then, a reviewer may make the decision final, and we will write to you again.");
            Paragraph();
            Paragraph("If a background report from a consumer reporting agency was part of this review, a copy of that report and \"A Summary of Your Rights Under the Fair Credit Reporting Act\" are enclosed. You have the right to dispute the accuracy or completeness of anything in such a report with the agency that prepared it.");
        }
        else
        {
            Paragraph("When we receive your response, a reviewer will look at your application again. If you need more time, tell us before the date above.");
        }
        Paragraph();
        Paragraph("Yours sincerely,");
        Paragraph(input.EmployerName);
        return text.ToString();
    }

    /// <summary>The adverse action notice: the decision is final and when it was made final; it rests, in whole or in
    /// part, on the findings the pre-adverse-action notice named (the same fixed sentences, from the same assessment);
    /// the candidate may still dispute them with the employer; and either the consumer reporting agency whose report was
    /// used, with the rights to a free copy within 60 days and to dispute it with the agency, or, with no agency
    /// configured, that no agency report was used (HireVet's checks are the employer's own).</summary>
    private static string WriteAdverseAction(Input input)
    {
        var areas = Areas(input.Signals);
        var text = new StringBuilder();
        void Paragraph(string line = "") => text.Append(line).Append('\n');

        Opening(text, input);
        Paragraph($"On {Date(input.PreAdverseSentAt)} we wrote to you (pre-adverse action notice, reference {input.Reference}) to tell you what our checks of your application could not reconcile, and that we were considering a decision not to continue with your application.");
        Paragraph();
        Paragraph("Our decision");
        Paragraph($"On {Date(input.FinalisedAt)} we made that decision final: we will not continue with your application. The decision was made by people who reviewed your application, not by a computer.");
        Paragraph();
        Paragraph("What the decision was based on");
        Paragraph($"The decision was based in whole or in part on the findings described in our letter of {Date(input.PreAdverseSentAt)}:");
        Paragraph();
        if (areas.Count == 0) Paragraph("- Some of the information in your application could not be confirmed.");
        for (var i = 0; i < areas.Count; i++)
        {
            Paragraph($"{i + 1}. {areas[i].Title}");
            foreach (var finding in areas[i].Findings) Paragraph($"- {finding}");
        }
        Paragraph();

        Paragraph("Your right to dispute");
        Paragraph($"You may still dispute with us the accuracy or completeness of the information these findings rest on. {input.HowToRespond} Quote the reference {input.Reference}.");
        Paragraph("Tell us what is wrong, missing or out of date, and send copies of any documents that support it.");
        Paragraph();

        Paragraph("Consumer reports");
        if (input.Agency is { } agency)
        {
            Paragraph("A background report from the following consumer reporting agency was part of the information this decision was based on:");
            Paragraph(agency.Name);
            Paragraph(agency.Address);
            Paragraph($"Phone: {agency.Phone}");
            Paragraph($"{agency.Name} did not make this decision and cannot tell you why it was made.");
            Paragraph($"You have the right to a free copy of your report from {agency.Name} if you ask for it within {ReportCopyDays} days of receiving this letter (counted from the date of this letter, that is until at least {Deadline(input.RespondBy)}).");
            Paragraph($"You also have the right to dispute directly with {agency.Name} the accuracy or completeness of anything in the report.");
            Paragraph("\"A Summary of Your Rights Under the Fair Credit Reporting Act\" is enclosed.");
        }
        else
        {
            Paragraph("No consumer report from a consumer reporting agency was used in this decision: the checks were made by us, the employer, on the information in your application. There is therefore no agency report to ask for or to dispute with an agency; you may dispute the information with us as described above.");
        }
        Paragraph();
        Paragraph("Yours sincerely,");
        Paragraph(input.EmployerName);
        return text.ToString();
    }

    /// <summary>The area a policy-violation letter cites facts from: how the work account and the company device were
    /// used since the hire. Findings about the application (identity, payment, references, other applications, the
    /// connections it was made from) are no policy matter and are left out.</summary>
    private static readonly string[] PolicyAreas = [WorkAccount];

    /// <summary>The policy-violation letter: the remote-work policy, the facts observed (the same fixed sentences as the
    /// other letters, work-account area only), what the worker is asked to do, and how to tell us the facts
    /// are wrong. It never speaks of the application, a decision about it, or anything beyond the policy.</summary>
    private static string WritePolicyViolation(Input input)
    {
        var findings = Areas(input.Signals).Where(a => PolicyAreas.Contains(a.Title)).SelectMany(a => a.Findings).ToArray();
        var text = new StringBuilder();
        void Paragraph(string line = "") => text.Append(line).Append('\n');

        Opening(text, input);
        Paragraph("Our remote-work policy asks everyone who works remotely to work from the location agreed with us, and to connect to work without hiding or changing where they are (for example through a travel router or a personal VPN that makes a connection appear to come from home).");
        Paragraph("We compare the sign-ins to work accounts and the connections of company devices with that location. What we observed for your work account does not match it, and reviewers have concluded that this breaks the remote-work policy.");
        Paragraph();
        Paragraph("What we observed");
        if (findings.Length == 0) Paragraph("- The sign-ins to your work account or the connections of your company device did not come from the location agreed with you.");
        foreach (var finding in findings) Paragraph($"- {finding}");
        Paragraph();
        Paragraph("What we ask of you");
        Paragraph("- Work from the location agreed with us. If you need to work from somewhere else, for a trip or for longer, ask us first: we can agree a change.");
        Paragraph("- Do not use a travel router, a personal VPN or any other means that makes your connection appear to come from somewhere it does not. A VPN the company provides is used as its instructions say.");
        Paragraph();
        Paragraph("If you think this is wrong");
        Paragraph($"If what we observed is wrong, or there is an explanation we do not know (for example a trip that was agreed), tell us by {Deadline(input.RespondBy)}. {input.HowToRespond} Quote the reference {input.Reference}.");
        Paragraph();
        Paragraph("What happens next");
        Paragraph("People reviewed these facts, not a computer. What follows for your work is decided under the remote-work policy by your manager and HR, who will talk to you about it.");
        Paragraph();
        Paragraph("Yours sincerely,");
        Paragraph(input.EmployerName);
        return text.ToString();
    }

    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>The exact moment, so that the letter and the waiting period agree to the minute.</summary>
    public static string Deadline(DateTimeOffset at) => at.UtcDateTime.ToString("d MMMM yyyy 'at' HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>The reference the candidate quotes: the candidate and the decision the letter is about.</summary>
    public static string ReferenceFor(long candidateId, long decisionId) => FormattableString.Invariant($"HV-{candidateId}-{decisionId}");
}
