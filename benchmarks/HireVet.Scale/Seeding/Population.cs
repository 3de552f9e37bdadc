using HireVet.Application.Candidates;
using HireVet.Application.Dossiers;
using HireVet.Quality.Corpus;

namespace HireVet.Scale.Seeding;

/// <summary>Generated candidates at scale, in groups as they share identifiers: mostly people on their own, about 1%
/// in households of 2–3 sharing a home and often its connection, and small rings of 3–6 sharing a phone or a bank
/// account (about 3 rings per 1,000 candidates). Everything else is unique across the whole population: the quality
/// corpus's factory keeps values unique within one context, which runs out of some (profile handles: a name and two
/// digits) well before a million people, so each slice of 10,000 people has its own context (and can be generated on
/// its own thread), and a registry shared by all slices rejects repeated identifiers across them. One instance is used
/// by one thread at a time.</summary>
public sealed class Population(IpPools ips, Func<string, bool> isListed, DateTimeOffset now, int seed, string externalIdPrefix,
    IdentifierRegistry registry)
{
    public const int SliceSize = 10_000;
    private const double HouseholdStart = 0.004;
    private const double RingStart = 0.003;

    private readonly Dictionary<string, bool> _listed = [];
    private CorpusContext _ctx = null!;
    private PersonFactory _people = null!;

    public static int Slices(int count) => (int)(((long)count + SliceSize - 1) / SliceSize);

    /// <summary>All groups of <paramref name="count"/> candidates, slice after slice.</summary>
    public IEnumerable<Group> Generate(int count) => Enumerable.Range(0, Slices(count)).SelectMany(slice => GenerateSlice(slice, count));

    /// <summary>The groups of one slice: candidates with indexes from slice × 50,000 on (a single person is a group of one).</summary>
    public IEnumerable<Group> GenerateSlice(int slice, int count)
    {
        _ctx = new CorpusContext(seed + 7919 * slice, ips, now);
        _people = new PersonFactory(_ctx, name => _listed.TryGetValue(name, out var hit) ? hit : _listed[name] = isListed(name));
        var end = (int)Math.Min(count, (long)(slice + 1) * SliceSize);
        for (var index = slice * SliceSize; index < end;)
        {
            var draw = _ctx.Rng.NextDouble();
            var left = end - index;
            var group = draw < HouseholdStart && left >= 3 ? Household(index, _ctx.Rng.Next(2, 4))
                : draw < HouseholdStart + RingStart && left >= 6 ? Ring(index, _ctx.Rng.Next(3, 7))
                : new Group(GroupKind.Single, [Member(index, Unique(home => _people.Create(home).Dossier, []))]);
            index += group.Members.Count;
            yield return group;
        }
    }

    private Group Household(int first, int size)
    {
        var home = Countries.Weighted(_ctx.Rng, Countries.HomeMix);
        var city = Country.Pick(_ctx.Rng, home.Cities);
        var residence = _people.Address(home, city);
        var sharedWifi = _ctx.Rng.NextDouble() < 0.65 ? new[] { _ctx.Ips.Residential(_ctx.Rng, home) } : null;
        var members = Enumerable.Range(0, size)
            .Select(i => Member(first + i, Unique(_ => _people.Create(home, city: city, residence: residence, homeIps: sharedWifi).Dossier,
                i == 0 ? [] : [CandidateIdentifiers.Kinds.ShippingAddress, CandidateIdentifiers.Kinds.Ip])))
            .ToArray();
        return new Group(GroupKind.Household, members);
    }

    /// <summary>Strangers (each with their own documents and homes) paid into one account or reached on one phone.</summary>
    private Group Ring(int first, int size)
    {
        var byPhone = _ctx.Rng.Next(2) == 0;
        var head = Unique(home => _people.Create(home).Dossier, []);
        var members = new List<SubmitCandidate.Command> { head };
        for (var i = 1; i < size; i++)
            members.Add(Unique(home =>
            {
                var d = _people.Create(home).Dossier;
                return byPhone ? d with { Phone = head.Phone } : d with { PayrollDestination = head.PayrollDestination };
            }, [byPhone ? CandidateIdentifiers.Kinds.Phone : CandidateIdentifiers.Kinds.BankAccount]));
        return new Group(GroupKind.Ring, [.. members.Select((d, i) => Member(first + i, d))]);
    }

    private Member Member(int index, SubmitCandidate.Command dossier) =>
        new(index, dossier with { ExternalId = $"{externalIdPrefix}-{index:D7}" });

    /// <summary>Makes people until one has no identifier another candidate already holds, except the kinds the group
    /// shares on purpose, and takes its identifiers.</summary>
    private SubmitCandidate.Command Unique(Func<Country, SubmitCandidate.Command> make, string[] sharedKinds)
    {
        for (var attempt = 0; ; attempt++)
        {
            var dossier = make(Countries.Weighted(_ctx.Rng, Countries.HomeMix));
            var keys = CandidateIdentifiers.From(DossierNormalizer.Normalize(dossier))
                .Where(i => !sharedKinds.Contains(i.Kind)).Select(i => IdentifierRegistry.Key(i.Kind, i.Value)).ToArray();
            if (registry.TryTakeAll(keys)) return dossier;
            if (attempt < 50) continue;
            registry.Take(keys);
            return dossier;
        }
    }
}

public enum GroupKind { Single, Household, Ring }

public sealed record Member(int Index, SubmitCandidate.Command Dossier);

public sealed record Group(GroupKind Kind, IReadOnlyList<Member> Members);
