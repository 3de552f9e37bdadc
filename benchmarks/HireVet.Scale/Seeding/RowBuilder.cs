using System.Text.Json;
using HireVet.Application.Candidates;
using HireVet.Application.Checks;
using HireVet.Application.Common.Security;
using HireVet.Application.Dossiers;
using HireVet.Application.Dossiers.Resumes;
using HireVet.Application.ReferenceData;
using HireVet.Application.Vetting;

namespace HireVet.Scale.Seeding;

/// <summary>Turns generated candidates into the rows SubmitCandidate and VetCandidates would have written: the dossier
/// normalised, redacted and serialised as the app does, the sensitive part protected by the app's Data Protection,
/// identifiers hashed with the app's key, the resume fingerprinted, and an assessment by the app's vetting engine.
/// Household and ring members are vetted with their group as shared identifiers and ring; people on their own reuse
/// one of a few hundred real assessments of other generated people (vetting a million dossiers would take longer than
/// the benchmark), which gives their rows the size and shape the app writes.</summary>
public sealed class RowBuilder(ISensitiveData sensitive, ReferenceSnapshot reference, VettingEngine engine,
    IReadOnlyList<VettingEngine.Outcome> templates, int total, DateTimeOffset now)
{
    private readonly (string Signals, string Trace)[] _templateJson =
        [.. templates.Select(t => (JsonSerializer.Serialize(t.Signals, DossierJson.Options), JsonSerializer.Serialize(t.Trace, DossierJson.Options)))];

    public const string SubmittedBy = "seed-ats";
    private static readonly TimeSpan History = TimeSpan.FromDays(365);

    public SeedRow[] Build(Group group)
    {
        var dossiers = group.Members.Select(m => DossierNormalizer.Normalize(m.Dossier)).ToArray();
        var identifiers = dossiers.Select(CandidateIdentifiers.From).ToArray();
        return [.. group.Members.Select((m, i) =>
        {
            if (group.Kind == GroupKind.Single) return Row(m.Index, dossiers[i], identifiers[i], templates[m.Index % templates.Count], _templateJson[m.Index % templates.Count]);
            var outcome = AssessInGroup(group, dossiers, identifiers, i);
            return Row(m.Index, dossiers[i], identifiers[i], outcome,
                (JsonSerializer.Serialize(outcome.Signals, DossierJson.Options), JsonSerializer.Serialize(outcome.Trace, DossierJson.Options)));
        })];
    }

    /// <summary>What vetting sees for a group member: the other members holding the same identifiers, and the ring.</summary>
    private VettingEngine.Outcome AssessInGroup(Group group, SubmitCandidate.Command[] dossiers,
        IReadOnlyList<CandidateIdentifiers.Identifier>[] identifiers, int me)
    {
        var ids = group.Members.Select(m => CandidateId(m.Index)).ToArray();
        var shared = new List<SharedIdentifier>();
        var edges = new List<CandidateGraph.Edge>();
        for (var other = 0; other < dossiers.Length; other++)
        {
            if (other == me) continue;
            foreach (var mine in identifiers[me].Where(x => identifiers[other].Any(y => y.Kind == x.Kind && y.Value == x.Value)))
            {
                shared.Add(new SharedIdentifier
                {
                    Kind = mine.Kind, Display = mine.Display, OtherCandidateId = ids[other], OtherExternalId = dossiers[other].ExternalId!,
                    OtherLegalName = dossiers[other].LegalName!, OtherStatus = "review",
                    OtherResidence = JsonSerializer.Serialize(dossiers[other].ClaimedResidence, DossierJson.Options),
                });
                edges.Add(new CandidateGraph.Edge { From = ids[me], To = ids[other], Kind = mine.Kind, Identifier = mine.Display });
            }
        }
        var nodes = dossiers.Select((d, i) => new CandidateGraph.Node { Id = ids[i], ExternalId = d.ExternalId!, LegalName = d.LegalName!, Status = "review" }).ToArray();
        var ring = new CandidateGraph.Graph(ids[me], nodes, edges, false);
        return engine.Assess(new VettingContext(ids[me], dossiers[me], shared, reference) { Ring = ring, SimilarResumes = [] });
    }

    private SeedRow Row(int index, SubmitCandidate.Command dossier, IReadOnlyList<CandidateIdentifiers.Identifier> identifiers,
        VettingEngine.Outcome outcome, (string Signals, string Trace) json)
    {
        var (redacted, secrets) = SensitiveFields.Split(dossier);
        var fingerprint = ResumeFingerprint.Of(dossier.ResumeText);
        // Oldest first, spread over the last year, as a year of intake would be.
        var createdAt = now - History + History * ((double)index / total);
        return new SeedRow
        {
            Id = CandidateId(index), ExternalId = dossier.ExternalId!, LegalName = dossier.LegalName!, Source = dossier.Source, Role = dossier.Role,
            CreatedAt = createdAt, AssessedAt = createdAt.AddSeconds(3),
            DossierJson = JsonSerializer.Serialize<Dossier>(redacted, DossierJson.Options),
            SensitiveProtected = sensitive.Protect(JsonSerializer.Serialize(secrets, DossierJson.Options)),
            ContentHash = Convert.ToHexStringLower(sensitive.KeyedHash("dossier", JsonSerializer.Serialize<Dossier>(dossier, DossierJson.Options))),
            // The primary key (candidate, kind, hash) keeps one of a repeated identifier, as the app's "on conflict do nothing".
            Identifiers = [.. identifiers.Select(i => (i.Kind, Hash: sensitive.KeyedHash(i.Kind, i.Value), i.Display))
                .DistinctBy(i => (i.Kind, Convert.ToHexString(i.Hash)))],
            MinHash = fingerprint?.MinHash, Words = fingerprint?.Words ?? 0, Bands = fingerprint?.BandHashes() ?? [],
            Score = outcome.Score, Band = outcome.Band, Status = outcome.Band == "clear" ? "clear" : "review",
            SignalsJson = json.Signals, TraceJson = json.Trace,
            IndicatorIds = [.. outcome.Signals.Select(s => s.IndicatorId).Distinct().Order(StringComparer.Ordinal)],
        };
    }

    /// <summary>The candidate's id (and its revision's and assessment's): COPY stores identity values as given.</summary>
    public static long CandidateId(int index) => index + 1;
}
