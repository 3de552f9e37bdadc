using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using HireVet.Application.Common.Formats;
using HireVet.Application.Dossiers;
using HireVet.Application.Dossiers.Addresses;
using static HireVet.Application.Connectors.ConnectorJson;

namespace HireVet.Application.Connectors.Greenhouse;

/// <summary>A Greenhouse candidate (Harvest <c>GET /v1/candidates/{id}</c>, or the candidate inside a webhook payload)
/// and one of their applications as a HireVet dossier. Every field may be missing, null or empty.
/// <para>Mapped: the id, first and last name, the first e-mail and the first phone intake accepts, the home address
/// (else another that is not a work address, else the application's location answer) when its country can be told,
/// employments (with the current company and title), educations, website and social-media links, links to GitHub,
/// GitLab, LinkedIn or Stack Overflow given as answers, the role (the application's job) and, for a referral, who
/// referred the candidate.</para>
/// <para>Never mapped: custom fields (candidate, application and rejection), EEOC answers, photo_url, tags and the
/// other answers. They are where an organisation keeps nationality, date of birth, pronouns, work authorisation and
/// the like, and HireVet flags misrepresentation, never who someone is. Attachments are not read either: they are
/// file URLs that expire after seven days, so the dossier gets no resume text from Greenhouse.</para></summary>
public static partial class GreenhouseDossier
{
    public const string Source = "Greenhouse";

    /// <param name="candidate">The candidate object.</param>
    /// <param name="application">The application the dossier is for (its job is the role). Without one, the
    /// candidate's own <c>applications</c> are used: the latest active one, else the latest.</param>
    public static Dossier Map(JsonElement candidate, JsonElement? application = null)
    {
        var app = application is { ValueKind: JsonValueKind.Object } given ? given : LatestApplication(candidate);
        var id = Text(candidate, "id");
        return new Dossier
        {
            ExternalId = id is null ? null : "greenhouse:" + id,
            Source = Source,
            Role = app is { } a ? Role(a) : null,
            LegalName = Collapse($"{Text(candidate, "first_name")} {Text(candidate, "last_name")}") ?? Collapse(Text(candidate, "name")),
            // The first e-mail and phone intake accepts: one it refuses ("hank.von diablo@...", a phone without its
            // country code such as "555-555-5555") would refuse the whole dossier, so it is passed over. Values go as
            // Greenhouse holds them; intake lower-cases e-mails and puts phones in E.164.
            Email = Items(candidate, "email_addresses").Select(e => Text(e, "value")).FirstOrDefault(EmailAddress.IsValid),
            Phone = Items(candidate, "phone_numbers").Select(p => Text(p, "value")).FirstOrDefault(v => PhoneNumber.NormalizeE164(v) is not null),
            ClaimedResidence = Residence(candidate, app),
            EmploymentHistory = Employments(candidate),
            Education = NullIfEmpty(Objects(candidate, "educations")
                .Where(e => Text(e, "school_name") is not null)
                .Take(20)
                .Select(e => new Education
                {
                    Institution = Clip(Collapse(Text(e, "school_name")), 200),
                    Degree = Clip(Collapse(string.Join(", ", new[] { Text(e, "degree"), Text(e, "discipline") }.OfType<string>())), 200),
                    StartedOn = Month(Text(e, "start_date")),
                    EndedOn = Month(Text(e, "end_date")),
                })),
            Profiles = ProfileLinks.Distinct(
                Objects(candidate, "website_addresses").Select(w => ProfileLinks.From(Text(w, "value"), Text(w, "type")))
                .Concat(Items(candidate, "social_media_addresses").Select(s => ProfileLinks.From(s.ValueKind == JsonValueKind.Object ? Text(s, "value") : Text(s))))
                .Concat(app is { } withAnswers ? Objects(withAnswers, "answers").Select(x => ProfileLinks.FromAnswer(Text(x, "answer"))) : [])),
            ReferredBy = app is { } referred ? Referrer(referred) : null,
            // ResumeText stays empty: Greenhouse gives resumes only as attachment file URLs (expiring after 7 days).
        };
    }

    /// <summary>A date in Greenhouse's employment or education dates, to the month: Harvest sends ISO timestamps
    /// ("2012-08-15T00:00:00.000Z"), webhooks "MM/DD/YYYY" ("01/01/2012"), and Greenhouse takes and shows only the
    /// month and year of these, so the day is filler and is not kept. A bare year stays a year.</summary>
    public static PartialDate? Month(string? text)
    {
        if (text is null) return null;
        if (UsDate().Match(text.Trim()) is { Success: true } m)
        {
            var month = int.Parse(m.Groups["month"].Value, CultureInfo.InvariantCulture);
            var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
            return month is >= 1 and <= 12 && year >= 1 ? PartialDate.OfMonth(year, month) : null;
        }
        if (!PartialDate.TryParse(text, out var date)) return null;
        return date.Month is { } mm ? PartialDate.OfMonth(date.Year, mm) : date;
    }

    private static JsonElement? LatestApplication(JsonElement candidate) => Objects(candidate, "applications")
        .OrderBy(a => Text(a, "status") == "active" ? 0 : 1)
        .ThenByDescending(a => Text(a, "applied_at"), StringComparer.Ordinal)
        .Select(a => (JsonElement?)a)
        .FirstOrDefault();

    /// <summary>The job applied for; a prospect considered for several jobs gets them all.</summary>
    private static string? Role(JsonElement application)
    {
        var jobs = Objects(application, "jobs").Select(j => Collapse(Text(j, "name"))).OfType<string>().Distinct().ToArray();
        var role = jobs.Length > 0 ? string.Join("; ", jobs) : Collapse(Text(application, "job.name"));
        return Clip(role, 200);
    }

    /// <summary>The first home address (then any other but a work address), else the application's location
    /// answer; the first of these whose country can be told (intake needs it).</summary>
    private static PostalAddress? Residence(JsonElement candidate, JsonElement? application)
    {
        var addresses = Objects(candidate, "addresses").ToArray();
        var texts = addresses.Where(a => Text(a, "type") == "home")
            .Concat(addresses.Where(a => Text(a, "type") is not ("home" or "work")))
            .Select(a => Text(a, "value"))
            .Append(application is { } app ? Text(app, "location.address") : null);
        return texts.Select(FreeTextAddress.Parse).FirstOrDefault(a => a is not null);
    }

    private static Employment[]? Employments(JsonElement candidate)
    {
        var jobs = Objects(candidate, "employments")
            .Where(e => Text(e, "company_name") is not null)
            .Select(e => new Employment
            {
                Employer = Clip(Collapse(Text(e, "company_name")), 200),
                Title = Clip(Collapse(Text(e, "title")), 200),
                StartedOn = Month(Text(e, "start_date")),
                EndedOn = Month(Text(e, "end_date")),
            })
            .ToList();
        // The candidate's current company, when the employments do not list it: a claim too (undated, so the
        // timeline check leaves it alone; the sanctions screening reads it).
        if (Clip(Collapse(Text(candidate, "company")), 200) is { } company
            && !jobs.Any(j => string.Equals(j.Employer, company, StringComparison.OrdinalIgnoreCase)))
            jobs.Insert(0, new Employment { Employer = company, Title = Clip(Collapse(Text(candidate, "title")), 200) });
        return NullIfEmpty(jobs.Take(30));
    }

    /// <summary>Who gets credit for a referral is the referrer; for any other source it is a recruiter, not a referrer.</summary>
    private static string? Referrer(JsonElement application)
    {
        var source = Text(application, "source.public_name") ?? Text(application, "source.name");
        if (source is null || !source.Contains("referral", StringComparison.OrdinalIgnoreCase)) return null;
        return Clip(Collapse(Text(application, "credited_to.name")) ?? Text(application, "credited_to.employee_id"), 200);
    }

    [GeneratedRegex(@"^(?<month>\d{1,2})/(?<day>\d{1,2})/(?<year>\d{4})$")]
    private static partial Regex UsDate();
}
