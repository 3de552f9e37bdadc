using System.Text.Json;
using HireVet.Application.Common.Formats;
using HireVet.Application.Dossiers;
using HireVet.Application.Dossiers.Addresses;
using static HireVet.Application.Connectors.ConnectorJson;

namespace HireVet.Application.Connectors.Lever;

/// <summary>A Lever opportunity (<c>GET /v1/opportunities/{id}</c>, the object in <c>data</c>) and one of its resumes
/// (<c>GET /v1/opportunities/{id}/resumes</c>) as a HireVet dossier. Every field may be missing, null or empty.
/// <para><b>The external id is the contact, not the opportunity</b> (<c>lever:&lt;contact id&gt;</c>). In Lever a
/// contact is the person and an opportunity is one candidacy of theirs; someone who applies to two postings has two
/// opportunities with the same e-mail and phone. Keyed by opportunity, HireVet would hold two candidates sharing an
/// e-mail and a phone and raise LINK-02 (high) against an honest re-applicant. Keyed by contact, every opportunity
/// of the person updates one dossier, as a Greenhouse candidate (a person with several applications) does. A record
/// without a contact (an application object) falls back to its opportunity id.</para>
/// <para>Mapped: name, the first e-mail, the first phone intake can read, the location when its country can be told,
/// links, the role when the application's posting is expanded, and from the resume's parsed data the positions and
/// schools. Not mapped: the headline, tags, sources, stage and archive state (pipeline data), and the resume file
/// (a download, no text). Lever keeps EEO answers and custom questions elsewhere; they are never read.</para></summary>
public static class LeverDossier
{
    public const string Source = "Lever";

    /// <param name="opportunity">The opportunity object (a <c>{"data": {...}}</c> envelope is opened).</param>
    /// <param name="resume">A resume object with <c>parsedData</c>, or null (see <see cref="Newest"/>).</param>
    public static Dossier Map(JsonElement opportunity, JsonElement? resume = null)
    {
        var o = At(opportunity, "data") is { ValueKind: JsonValueKind.Object } data ? data : opportunity;
        var person = Text(o, "contact") ?? Text(o, "opportunityId") ?? Text(o, "id");
        var parsed = resume is { } r ? At(r, "parsedData") ?? At(r, "data.parsedData") : null;
        return new Dossier
        {
            ExternalId = person is null ? null : "lever:" + person,
            Source = Source,
            Role = Clip(Collapse(string.Join("; ", Objects(o, "applications")
                .Select(a => Text(a, "posting.text")).OfType<string>().Distinct())), 200),
            LegalName = Collapse(Text(o, "name")),
            // The first e-mail and phone intake accepts: one it refuses (a phone without its country code such as
            // "(123) 456-7888") would refuse the whole dossier, so it is passed over. Values go as Lever holds them;
            // intake lower-cases e-mails and puts phones in E.164.
            Email = Items(o, "emails").Select(Text).Append(Text(o, "email")).FirstOrDefault(EmailAddress.IsValid),
            Phone = Objects(o, "phones").Select(p => Text(p, "value")).Append(Text(o, "phone.value"))
                .FirstOrDefault(p => PhoneNumber.NormalizeE164(p) is not null),
            ClaimedResidence = FreeTextAddress.Parse(Text(o, "location")),
            Profiles = ProfileLinks.Distinct(Items(o, "links").Select(l => ProfileLinks.From(Text(l)))),
            EmploymentHistory = parsed is { } p1 ? NullIfEmpty(Objects(p1, "positions")
                .Where(x => Text(x, "org") is not null)
                .Take(30)
                .Select(x => new Employment
                {
                    Employer = Clip(Collapse(Text(x, "org")), 200),
                    Title = Clip(Collapse(Text(x, "title")), 200),
                    StartedOn = YearMonth(At(x, "start")),
                    EndedOn = YearMonth(At(x, "end")),
                })) : null,
            Education = parsed is { } p2 ? NullIfEmpty(Objects(p2, "schools")
                .Where(x => Text(x, "org") is not null)
                .Take(20)
                .Select(x => new Education
                {
                    Institution = Clip(Collapse(Text(x, "org")), 200),
                    Degree = Clip(Collapse(string.Join(", ", new[] { Text(x, "degree"), Text(x, "field") }.OfType<string>())), 200),
                    StartedOn = YearMonth(At(x, "start")),
                    EndedOn = YearMonth(At(x, "end")),
                })) : null,
            // ResumeText stays empty: Lever's resume is a file to download; parsedData holds no full text.
        };
    }

    /// <summary>The most recently uploaded of an opportunity's resumes (by <c>createdAt</c>, epoch milliseconds), or null.</summary>
    public static JsonElement? Newest(IEnumerable<JsonElement> resumes) => resumes
        .Where(r => r.ValueKind == JsonValueKind.Object)
        .OrderByDescending(r => Id(r, "createdAt") ?? Id(r, "file.uploadedAt") ?? long.MinValue)
        .Select(r => (JsonElement?)r)
        .FirstOrDefault();

    /// <summary>Lever's parsed date <c>{"year": 2019, "month": 6}</c>: to the month when the month is given, else to
    /// the year; null without a plausible year.</summary>
    public static PartialDate? YearMonth(JsonElement? date)
    {
        if (date is not { ValueKind: JsonValueKind.Object } d || Id(d, "year") is not { } year || year is < 1900 or > 2100) return null;
        return Id(d, "month") is { } month and >= 1 and <= 12 ? PartialDate.OfMonth((int)year, (int)month) : PartialDate.OfYear((int)year);
    }

    /// <summary>A Lever time (epoch milliseconds) as a timestamp.</summary>
    public static DateTimeOffset? Time(long? epochMilliseconds) =>
        epochMilliseconds is { } ms && ms is >= 0 and <= 253402300799999 ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
}
