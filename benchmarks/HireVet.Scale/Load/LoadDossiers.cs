using System.Text.Json;
using Dapper;
using HireVet.Application.Candidates;
using HireVet.Application.Common.Security;
using HireVet.Application.Dossiers;
using HireVet.Quality.Running;
using HireVet.Scale.Seeding;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HireVet.Scale.Load;

/// <summary>New dossiers as HR would submit them during the benchmark, serialised as the API takes them. A share of
/// them reuse the phone, bank account or shipping address of a stored candidate (read back from the database and
/// decrypted with the app's own Data Protection), so submitting them walks a stored ring and re-vets its members. The
/// others share nothing with a stored candidate: generated people are checked against the stored identifier hashes
/// first (<see cref="PrepareAsync"/>), because among a million generated people the same e-mail address comes up
/// again (an earlier run linked 48% of its submissions to strangers by e-mail, where 5% were meant to share).
/// Not thread-safe: one caller at a time.</summary>
public sealed class LoadDossiers
{
    private readonly IEnumerator<Member> _people;
    private readonly SubmitCandidate.Command[] _stored;
    private readonly double _sharedShare;
    private readonly Random _rng;
    private readonly string _connectionString;
    private readonly ISensitiveData _sensitive;
    private readonly Queue<SubmitCandidate.Command> _prepared = new();

    public int Made { get; private set; }
    public int SharingWithStored { get; private set; }
    /// <summary>Generated people dropped because an identifier of theirs was stored already.</summary>
    public int DroppedAsColliding { get; private set; }
    /// <summary>Dossiers handed out after the prepared ones ran out, unchecked.</summary>
    public int Unchecked { get; private set; }

    private LoadDossiers(IEnumerable<Member> people, SubmitCandidate.Command[] stored, double sharedShare, int seed, string connectionString,
        ISensitiveData sensitive) =>
        (_people, _stored, _sharedShare, _rng, _connectionString, _sensitive) =
        (people.GetEnumerator(), stored, sharedShare, new Random(seed), connectionString, sensitive);

    public static async Task<LoadDossiers> CreateAsync(string connectionString, VettingHost host, int storedCount, int seed, double sharedShare,
        string runTag, DateTimeOffset now)
    {
        var data = GeneratorData.From(await host.ReferenceDataAsync());
        var population = new Population(data.NewIpPool(), data.IsListed, now, seed ^ 0x10AD, $"load-{runTag}", new IdentifierRegistry());
        var people = population.Generate(int.MaxValue).SelectMany(g => g.Members);
        return new LoadDossiers(people, await SampleStoredAsync(connectionString, host, storedCount, seed), sharedShare, seed,
            connectionString, host.Services.GetRequiredService<ISensitiveData>());
    }

    private const string StoredSql = """
        select distinct i.kind, i.value_hash from unnest(@Kinds, @Hashes) as i(kind, value_hash)
        where exists (select 1 from candidate_identifiers c where c.kind = i.kind and c.value_hash = i.value_hash)
        """;

    /// <summary>Generates people until <paramref name="count"/> dossiers sharing no identifier with a stored candidate
    /// are ready, with the app's own normalisation and keyed hashes.</summary>
    public async Task PrepareAsync(int count)
    {
        await using var db = new NpgsqlConnection(_connectionString);
        while (_prepared.Count < count)
        {
            var people = new List<SubmitCandidate.Command>();
            for (var i = 0; i < 2_000 && _people.MoveNext(); i++) people.Add(_people.Current.Dossier);
            var keys = people.Select(p => CandidateIdentifiers.From(DossierNormalizer.Normalize(p))
                .Select(i => (i.Kind, Hash: _sensitive.KeyedHash(i.Kind, i.Value))).ToArray()).ToArray();
            var all = keys.SelectMany(k => k).ToArray();
            var stored = (await db.QueryAsync<(string Kind, byte[] Hash)>(new CommandDefinition(StoredSql,
                    new { Kinds = all.Select(k => k.Kind).ToArray(), Hashes = all.Select(k => k.Hash).ToArray() }, commandTimeout: 0)))
                .Select(k => (k.Kind, Convert.ToHexString(k.Hash))).ToHashSet();
            for (var i = 0; i < people.Count; i++)
            {
                if (keys[i].Any(k => stored.Contains((k.Kind, Convert.ToHexString(k.Hash))))) DroppedAsColliding++;
                else _prepared.Enqueue(people[i]);
            }
        }
    }

    /// <summary>The next dossier as the JSON body of POST /api/candidates (one line of the bulk import).</summary>
    public byte[] Next() => JsonSerializer.SerializeToUtf8Bytes<Dossier>(NextDossier(), DossierJson.Options);

    /// <summary>The next dossier (a prepared one while they last, sharing with a stored candidate at the set share).</summary>
    public SubmitCandidate.Command NextDossier()
    {
        SubmitCandidate.Command dossier;
        if (!_prepared.TryDequeue(out dossier!))
        {
            _people.MoveNext();
            dossier = _people.Current.Dossier;
            Unchecked++;
        }
        if (_rng.NextDouble() < _sharedShare)
        {
            dossier = ShareWith(dossier, _stored[_rng.Next(_stored.Length)]);
            SharingWithStored++;
        }
        Made++;
        return dossier;
    }

    private SubmitCandidate.Command ShareWith(SubmitCandidate.Command mine, SubmitCandidate.Command stored) => _rng.Next(3) switch
    {
        0 when stored.Phone is not null => mine with { Phone = stored.Phone },
        1 when stored.PayrollDestination is not null => mine with { PayrollDestination = stored.PayrollDestination },
        _ => mine with
        {
            EquipmentShipping = new EquipmentShipping { RecipientName = mine.LegalName, Address = stored.EquipmentShipping?.Address ?? stored.ClaimedResidence },
        },
    };

    // Seeded candidates (ids up to the seeded count) that share no identifier with a candidate added after seeding.
    private const string UnlinkedSql = """
        select s.id from unnest(@Ids) as s(id)
        where not exists (select 1 from candidate_identifiers mine
                          join candidate_identifiers other on other.kind = mine.kind and other.value_hash = mine.value_hash
                          where mine.candidate_id = s.id and other.candidate_id > @StoredCount)
        """;

    /// <summary>The 2,000 seeded candidates the sharing dossiers copy an identifier from. On a kept cluster, those an
    /// earlier run already linked to are passed over: drawn again every run, the same 2,000 gathered every run's sharers
    /// into ever larger rings, and each run vetted a harder database than the one before (on 2026-12-07 the identifier
    /// lookups of a bulk import took ten times as long after a day of runs).</summary>
    private static async Task<SubmitCandidate.Command[]> SampleStoredAsync(string connectionString, VettingHost host, int storedCount, int seed)
    {
        var rng = new Random(seed);
        await using var db = new NpgsqlConnection(connectionString);
        var ids = new List<long>();
        while (ids.Count < 2_000)
        {
            var drawn = Enumerable.Range(0, 2_000).Select(_ => RowBuilder.CandidateId(rng.Next(storedCount))).Distinct().Except(ids).ToArray();
            var unlinked = (await db.QueryAsync<long>(UnlinkedSql, new { Ids = drawn, StoredCount = (long)storedCount })).ToHashSet();
            ids.AddRange(drawn.Where(unlinked.Contains).Take(2_000 - ids.Count));
        }
        var rows = await db.QueryAsync<(string Dossier, string SensitiveProtected)>(
            "select dossier::text, sensitive_protected from candidate_revisions where candidate_id = any(@Ids) and revision = 1", new { Ids = ids.ToArray() });
        var sensitive = host.Services.GetRequiredService<ISensitiveData>();
        return [.. rows.Select(r =>
        {
            var redacted = JsonSerializer.Deserialize<SubmitCandidate.Command>(r.Dossier, DossierJson.Options)!;
            var secrets = JsonSerializer.Deserialize<SensitiveFields>(sensitive.Unprotect(r.SensitiveProtected), DossierJson.Options)!;
            return (SubmitCandidate.Command)secrets.MergeInto(redacted);
        })];
    }
}
