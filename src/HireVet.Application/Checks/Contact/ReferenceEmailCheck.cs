using System.Text.Json.Nodes;
using HireVet.Application.Dossiers;
using HireVet.Application.ReferenceData;
using HireVet.Application.ReferenceData.Contact;

namespace HireVet.Application.Checks.Contact;

/// <summary>
/// The email addresses of the candidate's references, compared with the employers they speak for. Only the dossier's
/// own data is used (each reference's email and employer, the work history's employer domains); nothing is fetched.
/// A reference's employer is found in the work history by <see cref="EmployerNames.Key"/> ("Acme Corp" = "ACME, Inc.").
/// <list type="bullet">
/// <item>ID-08, high: the reference writes from a domain that imitates the employer's domain given in the work history
/// (<see cref="LookalikeDomains"/>: jane@acme-corp.co, jane@acrne.com for acme.com). Medium when the only likeness is
/// the same name under a country's own suffix (acme.de, acme.co.uk), which is how companies name regional domains.</item>
/// <item>ID-11, low: a reference who names an employer writes from free webmail (gmail.com, outlook.com, proton.me...);
/// medium when the address is on a disposable domain (mailinator.com). Skipped when the webmail domain is that
/// employer's own (the work history gives it, or its name is the employer's: facebook.com for Facebook).</item>
/// </list>
/// Each indicator gives at most one signal, listing every reference concerned. An address on the employer's domain or a
/// subdomain of it raises nothing. Not evaluated without a reference email or without the free-webmail list; the
/// disposable list is optional (without it a disposable address counts as webmail when that list has it).
/// </summary>
public sealed class ReferenceEmailCheck : ICheck
{
    public string Name => "reference-email";
    public string[] Indicators => ["ID-08", "ID-11"];

    public CheckResult Run(VettingContext context)
    {
        var d = context.Dossier;
        var references = (d.References ?? []).Where(r => !string.IsNullOrWhiteSpace(r.Email)).ToArray();
        if (references.Length == 0) return CheckResult.NotEvaluated("The dossier has no reference with an email address.");
        if (context.Reference.Get<DomainList>(Datasets.FreeEmailDomains) is not { } free)
            return CheckResult.NotEvaluated(context.Reference.Unavailable(Datasets.FreeEmailDomains));
        var disposable = context.Reference.Get<DomainList>(Datasets.DisposableEmailDomains);

        var jobs = (d.EmploymentHistory ?? [])
            .Select(e => (Key: EmployerNames.Key(e.Employer), Job: e, Domain: DomainNames.Normalize(e.EmployerDomain)))
            .Where(e => e.Key is not null && e.Domain is not null)
            .ToArray();

        var webmail = new List<(Reference Reference, string Domain, string Kind, string Listed)>();
        var lookalikes = new List<(Reference Reference, string Domain, Employment Job, string EmployerDomain, LookalikeDomains.Finding Finding)>();
        foreach (var reference in references)
        {
            if (DomainNames.OfEmail(reference.Email) is not { } domain) continue;
            var key = EmployerNames.Key(reference.Employer);
            if (key is null) continue;
            var matching = jobs.Where(j => j.Key == key).ToArray();
            if (matching.Any(j => DomainNames.Registrable(domain) == DomainNames.Registrable(j.Domain!))) continue;

            var disposableEntry = disposable?.Match(domain);
            var listed = disposableEntry ?? free.Match(domain);
            if (listed is not null)
            {
                if (!IsNamedAfter(domain, reference.Employer))
                    webmail.Add((reference, domain, disposableEntry is null ? "free-webmail" : "disposable", listed));
                continue;
            }

            foreach (var job in matching)
            {
                if (free.Contains(job.Domain)) continue;
                if (LookalikeDomains.Compare(domain, job.Domain!, job.Job.Employer) is { } finding)
                {
                    lookalikes.Add((reference, domain, job.Job, job.Domain!, finding));
                    break;
                }
            }
        }

        var signals = new List<RawSignal>();
        if (lookalikes.Count > 0)
        {
            var strong = lookalikes.Any(l => !l.Finding.MayBeRegionalDomain);
            var list = string.Join("; ", lookalikes.Select(l => $"{l.Reference.Email} for {l.Job.Employer} ({l.EmployerDomain}): {l.Finding.Description}"));
            signals.Add(new RawSignal("ID-08", strong ? Severity.High : Severity.Medium,
                $"{Wording.Plural(lookalikes.Count, "reference writes", "references write")} from a domain that looks like, but is not, the employer's domain: {list}. "
                + (strong ? "Contact past employers through details found independently, never those the candidate gave."
                          : "Companies do use country domains; confirm it with the employer through details found independently."),
                new JsonObject
                {
                    ["references"] = new JsonArray([.. lookalikes.Select(l => (JsonNode)new JsonObject
                    {
                        ["name"] = l.Reference.Name,
                        ["employer"] = l.Reference.Employer,
                        ["email"] = l.Reference.Email,
                        ["emailDomain"] = l.Domain,
                        ["employmentEmployer"] = l.Job.Employer,
                        ["employerDomain"] = l.EmployerDomain,
                        ["likeness"] = l.Finding.Kind,
                        ["editDistance"] = l.Finding.Distance,
                        ["mayBeRegionalDomain"] = l.Finding.MayBeRegionalDomain,
                    })]),
                }));
        }

        if (webmail.Count > 0)
        {
            var anyDisposable = webmail.Any(w => w.Kind == "disposable");
            var list = string.Join("; ", webmail.Select(w => $"{w.Reference.Name ?? "unnamed"} for {w.Reference.Employer}: {w.Reference.Email}{(w.Kind == "disposable" ? " (disposable)" : "")}"));
            var evidence = new JsonObject
            {
                ["references"] = new JsonArray([.. webmail.Select(w => (JsonNode)new JsonObject
                {
                    ["name"] = w.Reference.Name,
                    ["employer"] = w.Reference.Employer,
                    ["email"] = w.Reference.Email,
                    ["emailDomain"] = w.Domain,
                    ["kind"] = w.Kind,
                    ["listedDomain"] = w.Listed,
                })]),
            };
            if (disposable is null) evidence["disposableListAvailable"] = false;
            signals.Add(new RawSignal("ID-11", anyDisposable ? Severity.Medium : Severity.Low,
                $"{Wording.Plural(webmail.Count, "reference who names an employer writes", "references who name an employer write")} from "
                + $"{(anyDisposable ? "webmail or a disposable address" : "free webmail")} rather than the employer's domain: {list}.",
                evidence));
        }

        return signals.Count == 0 ? CheckResult.NotFired : CheckResult.Fired([.. signals]);
    }

    /// <summary>A webmail domain named after the employer is the employer's own (facebook.com for "Facebook").</summary>
    private static bool IsNamedAfter(string domain, string? employer) =>
        EmployerNames.LabelForms(employer).Contains(DomainNames.Split(domain).Label.Replace("-", "", StringComparison.Ordinal));
}
