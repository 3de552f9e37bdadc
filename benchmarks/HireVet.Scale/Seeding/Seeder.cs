using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using Dapper;
using HireVet.Application.Checks;
using HireVet.Application.Common.Security;
using HireVet.Application.Dossiers;
using HireVet.Application.ReferenceData;
using HireVet.Application.Vetting;
using HireVet.Quality.Running;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HireVet.Scale.Seeding;

/// <summary>Fills an empty, migrated database with vetted candidates by binary COPY. The indexes that back no
/// constraint are dropped first and built again afterwards from their own definitions (faster than maintaining them
/// row by row, and the same indexes the migrations made); then ANALYZE.</summary>
public static class Seeder
{
    private static readonly string[] Tables =
        ["candidates", "candidate_revisions", "candidate_identifiers", "resume_fingerprints", "assessments"];
    private const int ChunkSize = 2_000;
    private const int Templates = 256;

    public sealed record Result(int Candidates, long Rows, TimeSpan Copy, TimeSpan Generating, TimeSpan Building, TimeSpan Indexes, TimeSpan Analyze,
        IReadOnlyDictionary<string, long> RowsByTable);

    public static async Task<Result> SeedAsync(string connectionString, VettingHost host, int count, int seed, DateTimeOffset now, Action<string> log)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        if (await db.ExecuteScalarAsync<long>("select count(*) from candidates") != 0)
            throw new InvalidOperationException("The database already holds candidates; seeding needs an empty one (delete the --keep-db folder to reseed).");

        var reference = await host.ReferenceDataAsync();
        var data = GeneratorData.From(reference);
        var sensitive = host.Services.GetRequiredService<ISensitiveData>();
        var engine = VettingEngine.Default;
        var referenceJson = JsonSerializer.Serialize(reference.Datasets.Select(d => new { d.Name, d.AsOf, d.Status, d.Rows }), DossierJson.Options);
        var builder = new RowBuilder(sensitive, reference, engine, Assessments(engine, reference, data, now, seed), count, now);

        var indexes = (await db.QueryAsync<(string Name, string Definition)>("""
            select i.indexname, i.indexdef from pg_indexes i
            where i.schemaname = 'public' and i.tablename = any(@Tables)
              and not exists (select 1 from pg_constraint c where c.conname = i.indexname)
            """, new { Tables })).ToArray();
        foreach (var (name, _) in indexes) await db.ExecuteAsync($"drop index {name}");

        var clock = Stopwatch.StartNew();
        var built = Channel.CreateBounded<SeedRow[]>(2 * Environment.ProcessorCount);
        var registry = new IdentifierRegistry();
        var nextSlice = -1;
        long generating = 0, building = 0;
        // One worker a core, each generating whole slices (its own IP pool, one person factory per slice) and building
        // their rows; the writer takes chunks in whatever order they come, since every row carries its ids.
        var workers = Enumerable.Range(0, Environment.ProcessorCount).Select(_ => Task.Run(async () =>
        {
            var population = new Population(data.NewIpPool(), data.IsListed, now, seed, "seed", registry);
            for (var slice = Interlocked.Increment(ref nextSlice); slice < Population.Slices(count); slice = Interlocked.Increment(ref nextSlice))
            {
                var started = Stopwatch.GetTimestamp();
                foreach (var chunk in Chunks(population.GenerateSlice(slice, count)))
                {
                    var generated = Stopwatch.GetTimestamp();
                    var rows = chunk.SelectMany(builder.Build).ToArray();
                    Interlocked.Add(ref generating, generated - started);
                    Interlocked.Add(ref building, Stopwatch.GetTimestamp() - generated);
                    await built.Writer.WriteAsync(rows);
                    started = Stopwatch.GetTimestamp();
                }
            }
        })).ToArray();
        var producers = Task.WhenAll(workers).ContinueWith(t => built.Writer.Complete(t.Exception), TaskScheduler.Default);

        var written = 0;
        await using (var writer = await CopyWriter.OpenAsync(connectionString, referenceJson))
        {
            await foreach (var chunk in built.Reader.ReadAllAsync())
                foreach (var row in chunk)
                {
                    await writer.WriteAsync(row);
                    if (++written % 100_000 == 0 || written == count)
                        log($"seeded {written:N0} / {count:N0} candidates ({written / clock.Elapsed.TotalSeconds:N0}/s, {clock.Elapsed.TotalSeconds:0} s; " +
                            $"threads spent {Seconds(Interlocked.Read(ref generating)):0} s generating people, {Seconds(Interlocked.Read(ref building)):0} s building rows)");
                }
            await producers;
            await writer.CompleteAsync();
        }
        var copy = clock.Elapsed;

        var ids = await db.QuerySingleAsync<(long Count, long Max)>("select count(*), coalesce(max(id), 0) from candidates");
        if (ids.Count != count || ids.Max != count)
            throw new InvalidOperationException($"Candidate ids are not 1..{count} (count {ids.Count}, max {ids.Max}).");
        foreach (var table in new[] { "candidates", "candidate_revisions", "assessments" })
            await db.ExecuteAsync($"select setval(pg_get_serial_sequence('{table}', 'id'), (select max(id) from {table}))");

        clock.Restart();
        await db.ExecuteAsync("set maintenance_work_mem = '1GB'");
        foreach (var (name, definition) in indexes)
        {
            await db.ExecuteAsync(new CommandDefinition(definition, commandTimeout: 0));
            log($"built index {name} ({clock.Elapsed.TotalSeconds:0} s)");
        }
        // The copy ran with the triggers off (session_replication_role = replica), the dashboard's among them.
        await db.ExecuteAsync(new CommandDefinition("select rebuild_dashboard_counts()", commandTimeout: 0));
        log($"rebuilt the dashboard's counts ({clock.Elapsed.TotalSeconds:0} s)");
        var indexTime = clock.Elapsed;
        clock.Restart();
        await db.ExecuteAsync(new CommandDefinition("analyze", commandTimeout: 0, commandType: System.Data.CommandType.Text));
        var analyze = clock.Elapsed;

        var rows = new Dictionary<string, long>();
        foreach (var table in Tables) rows[table] = await db.ExecuteScalarAsync<long>($"select count(*) from {table}");
        return new Result(count, rows.Values.Sum(), copy, TimeSpan.FromSeconds(Seconds(generating)), TimeSpan.FromSeconds(Seconds(building)), indexTime, analyze, rows);
    }

    private static double Seconds(long ticks) => (double)ticks / Stopwatch.Frequency;

    private static IEnumerable<List<Group>> Chunks(IEnumerable<Group> groups)
    {
        var chunk = new List<Group>();
        var size = 0;
        foreach (var group in groups)
        {
            chunk.Add(group);
            if ((size += group.Members.Count) < ChunkSize) continue;
            yield return chunk;
            (chunk, size) = ([], 0);
        }
        if (chunk.Count > 0) yield return chunk;
    }

    /// <summary>Real assessments of other generated people, each on their own (a ring of one), for the candidates who
    /// are on their own.</summary>
    private static VettingEngine.Outcome[] Assessments(VettingEngine engine, ReferenceSnapshot reference, GeneratorData data,
        DateTimeOffset now, int seed) =>
    [
        .. new Population(data.NewIpPool(), data.IsListed, now, seed ^ 0x5EED, "template", new IdentifierRegistry()).Generate(Templates * 2)
            .Where(g => g.Kind == GroupKind.Single).SelectMany(g => g.Members).Take(Templates)
            .Select(m =>
            {
                var dossier = DossierNormalizer.Normalize(m.Dossier);
                var alone = new CandidateGraph.Graph(0, [new CandidateGraph.Node { Id = 0, ExternalId = dossier.ExternalId!, LegalName = dossier.LegalName! }], [], false);
                return engine.Assess(new VettingContext(0, dossier, [], reference) { Ring = alone, SimilarResumes = [] });
            }),
    ];
}
