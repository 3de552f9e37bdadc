using System.Text.Json;
using Dapper;
using HireVet.Application.Candidates;
using HireVet.Application.Common.Security;
using HireVet.Quality.Running;
using HireVet.Scale.Seeding;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HireVet.Scale.Load;

/// <summary>New dossiers as HR would submit them during the benchmark, serialised as the API takes them. A share of
/// them reuse the phone, bank account or shipping address of a stored candidate (read back from the database and
/// decrypted with the app's own Data Protection), so submitting them walks a stored ring and re-vets its members.
/// Not thread-safe: one caller at a time.</summary>
public sealed class LoadDossiers
{
    private readonly IEnumerator<Member> _people;
    private readonly SubmitCandidate.Command[] _stored;
    private readonly double _sharedShare;
    private readonly Random _rng;

    public int Made { get; private set; }
    public int SharingWithStored { get; private set; }

    private LoadDossiers(IEnumerable<Member> people, SubmitCandidate.Command[] stored, double sharedShare, int seed) =>
        (_people, _stored, _sharedShare, _rng) = (people.GetEnumerator(), stored, sharedShare, new Random(seed));

    public static async Task<LoadDossiers> CreateAsync(string connectionString, VettingHost host, int storedCount, int seed, double sharedShare,
        string runTag, DateTimeOffset now)
    {
        var data = GeneratorData.From(await host.ReferenceDataAsync());
        var population = new Population(data.NewIpPool(), data.IsListed, now, seed ^ 0x10AD, $"load-{runTag}", new IdentifierRegistry());
        var people = population.Generate(int.MaxValue).SelectMany(g => g.Members);
        return new LoadDossiers(people, await SampleStoredAsync(connectionString, host, storedCount, seed), sharedShare, seed);
    }

    /// <summary>The next dossier as the JSON body of POST /api/candidates (one line of the bulk import).</summary>
    public byte[] Next()
    {
        _people.MoveNext();
        var dossier = _people.Current.Dossier;
        if (_rng.NextDouble() < _sharedShare)
        {
            dossier = ShareWith(dossier, _stored[_rng.Next(_stored.Length)]);
            SharingWithStored++;
        }
        Made++;
        return JsonSerializer.SerializeToUtf8Bytes<Dossier>(dossier, DossierJson.Options);
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

    private static async Task<SubmitCandidate.Command[]> SampleStoredAsync(string connectionString, VettingHost host, int storedCount, int seed)
    {
        var rng = new Random(seed);
        var ids = Enumerable.Range(0, 2_000).Select(_ => RowBuilder.CandidateId(rng.Next(storedCount))).Distinct().ToArray();
        await using var db = new NpgsqlConnection(connectionString);
        var rows = await db.QueryAsync<(string Dossier, string SensitiveProtected)>(
            "select dossier::text, sensitive_protected from candidate_revisions where candidate_id = any(@Ids) and revision = 1", new { Ids = ids });
        var sensitive = host.Services.GetRequiredService<ISensitiveData>();
        return [.. rows.Select(r =>
        {
            var redacted = JsonSerializer.Deserialize<SubmitCandidate.Command>(r.Dossier, DossierJson.Options)!;
            var secrets = JsonSerializer.Deserialize<SensitiveFields>(sensitive.Unprotect(r.SensitiveProtected), DossierJson.Options)!;
            return (SubmitCandidate.Command)secrets.MergeInto(redacted);
        })];
    }
}
