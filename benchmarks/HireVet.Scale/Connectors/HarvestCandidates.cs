using System.Globalization;
using System.Text.Json;
using HireVet.Application.Connectors.Greenhouse;
using HireVet.Application.Dossiers;

namespace HireVet.Scale.Connectors;

/// <summary>Generated applicants as Greenhouse holds them: the candidate object Harvest's <c>GET /v1/candidates/{id}</c>
/// returns (names, e-mail, phone, home address as free text, employments, educations, links, one active application
/// with its job), and the <c>new_candidate_application</c> web hook Greenhouse sends for it.</summary>
public static class HarvestCandidates
{
    public const long FirstId = 61_000_000;

    public sealed record Applicant(long CandidateId, long ApplicationId, byte[] Candidate, byte[] Webhook);

    public static Applicant Make(Dossier dossier, long candidateId, DateTimeOffset appliedAt)
    {
        var applicationId = candidateId + 30_000_000;
        var (first, last) = Split(dossier.LegalName ?? "Unknown Applicant");
        var at = appliedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var job = new { id = 4_120_000 + Math.Abs((dossier.Role ?? "").GetHashCode(StringComparison.Ordinal) % 1000), name = dossier.Role ?? "Software Engineer" };
        object[] Phones() => dossier.Phone is { } phone ? [new { value = phone, type = "mobile" }] : [];
        object[] Emails() => dossier.Email is { } email ? [new { value = email, type = "personal" }] : [];
        object[] Addresses() => dossier.ClaimedResidence is { } home ? [new { value = Line(home), type = "home" }] : [];
        var application = new
        {
            id = applicationId, candidate_id = candidateId, prospect = false, applied_at = at, rejected_at = (string?)null, last_activity_at = at,
            location = new { address = dossier.ClaimedResidence is { } h ? $"{h.City}, {CountryName(h.Country)}" : null },
            source = new { id = 16, public_name = "Jobs page on your website" }, credited_to = (object?)null,
            rejection_reason = (object?)null, rejection_details = (object?)null, jobs = new[] { job }, job_post_id = job.id + 7_000_000,
            status = "active", current_stage = new { id = 2_130_000, name = "Application Review" }, answers = Array.Empty<object>(),
            prospective_office = (object?)null, prospective_department = (object?)null, prospect_detail = new { prospect_pool = (object?)null, prospect_stage = (object?)null, prospect_owner = (object?)null },
            custom_fields = new { }, keyed_custom_fields = new { }, attachments = Array.Empty<object>(),
        };
        var candidate = new
        {
            id = candidateId, first_name = first, last_name = last,
            company = dossier.EmploymentHistory?.FirstOrDefault(e => e.EndedOn is null)?.Employer,
            title = dossier.EmploymentHistory?.FirstOrDefault(e => e.EndedOn is null)?.Title,
            created_at = at, updated_at = at, last_activity = at, is_private = false, photo_url = (string?)null,
            attachments = Array.Empty<object>(), application_ids = new[] { applicationId },
            phone_numbers = Phones(), addresses = Addresses(), email_addresses = Emails(),
            website_addresses = (dossier.Profiles ?? []).Where(p => p.Kind is "portfolio" or "other" && p.Url is not null).Select(p => new { value = p.Url, type = "personal" }).ToArray(),
            social_media_addresses = (dossier.Profiles ?? []).Where(p => p.Kind is not ("portfolio" or "other") && p.Url is not null).Select(p => new { value = p.Url }).ToArray(),
            recruiter = new { id = 92_120, first_name = "Riley", last_name = "Recruiter", name = "Riley Recruiter", employee_id = (string?)null },
            coordinator = (object?)null, can_email = true, tags = Array.Empty<string>(),
            applications = new[] { application },
            educations = (dossier.Education ?? []).Select((e, i) => new
            {
                id = candidateId * 10 + i, school_name = e.Institution, degree = e.Degree, discipline = (string?)null,
                start_date = Harvest(e.StartedOn), end_date = Harvest(e.EndedOn),
            }).ToArray(),
            employments = (dossier.EmploymentHistory ?? []).Select((e, i) => new
            {
                id = candidateId * 10 + i, company_name = e.Employer, title = e.Title, start_date = Harvest(e.StartedOn), end_date = Harvest(e.EndedOn),
            }).ToArray(),
            linked_user_ids = Array.Empty<long>(), custom_fields = new { }, keyed_custom_fields = new { },
        };
        // Greenhouse's web hook carries the application with its candidate (abridged here to what it always sends).
        var webhook = new
        {
            action = "new_candidate_application",
            payload = new
            {
                application = new
                {
                    id = applicationId, opening = (object?)null, questions = Array.Empty<object>(), created_at = at, rejected_at = (string?)null,
                    prospect = false, referrer = (object?)null, source = application.source, status = "active", credited_to = (object?)null,
                    rejection_reason = (object?)null, current_stage = application.current_stage, jobs = application.jobs,
                    candidate = new
                    {
                        id = candidateId, first_name = first, last_name = last, title = candidate.title, company = candidate.company,
                        created_at = at, external_id = (string?)null, photo_url = (string?)null, url = $"https://app.greenhouse.io/people/{candidateId}",
                        is_private = false, phone_numbers = candidate.phone_numbers, email_addresses = candidate.email_addresses,
                        addresses = candidate.addresses, website_addresses = candidate.website_addresses,
                        social_media_addresses = candidate.social_media_addresses, tags = Array.Empty<string>(), educations = candidate.educations,
                        employments = candidate.employments, recruiter = candidate.recruiter, coordinator = (object?)null,
                        attachments = Array.Empty<object>(), custom_fields = new { },
                    },
                    custom_fields = new { },
                },
            },
        };
        return new Applicant(candidateId, applicationId, JsonSerializer.SerializeToUtf8Bytes(candidate), JsonSerializer.SerializeToUtf8Bytes(webhook));
    }

    /// <summary>Whether HireVet's own mapping reads what intake needs from the candidate object (a name and a
    /// country of residence): an applicant it would refuse measures nothing about vetting.</summary>
    public static bool Maps(Applicant applicant)
    {
        using var document = JsonDocument.Parse(applicant.Candidate);
        var dossier = GreenhouseDossier.Map(document.RootElement);
        return dossier.LegalName is not null && dossier.ClaimedResidence?.Country is not null;
    }

    private static (string First, string Last) Split(string name)
    {
        var space = name.LastIndexOf(' ');
        return space < 0 ? (name, "") : (name[..space], name[(space + 1)..]);
    }

    /// <summary>A home address as one line the way people type it into Greenhouse: "street, city, region postcode, country".</summary>
    private static string Line(PostalAddress a) =>
        string.Join(", ", new[] { a.Line1, a.Line2, a.City, string.Join(' ', new[] { a.Region, a.PostalCode }.Where(p => !string.IsNullOrEmpty(p))), CountryName(a.Country) }
            .Where(p => !string.IsNullOrEmpty(p)));

    private static string? CountryName(string? code)
    {
        if (code is null) return null;
        try { return new RegionInfo(code).EnglishName; }
        catch (ArgumentException) { return code; }
    }

    /// <summary>Harvest's dates are ISO timestamps at midnight UTC; a month without its day is the first.</summary>
    private static string? Harvest(PartialDate? date) => date is { } d
        ? new DateTime(d.Year, d.Month ?? 1, 1, 0, 0, 0, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)
        : null;
}
