using System.Reflection;
using Dapper;
using HireVet.Application.Candidates;
using HireVet.Application.Dossiers;
using HireVet.Application.Vetting;
using Npgsql;

namespace HireVet.Scale.Analysis;

/// <summary>EXPLAIN (ANALYZE, BUFFERS) of the queries storing (DossierStore) and vetting (CandidateVetting) run, against the
/// seeded database, for a candidate on their own and a ring member. The SQL is read from the handlers' own constants
/// by reflection, so the plans are of exactly what the app runs; writes run in a transaction that is rolled back.</summary>
public static class QueryPlans
{
    public sealed record Plan(string Query, string Candidate, double ExecutionMs, double PlanningMs, string Text);

    private static readonly (Type Owner, string Constant, bool Writes)[] Queries =
    [
        (typeof(DossierStore), "InsertCandidatesSql", true),
        (typeof(DossierStore), "LockExistingSql", false),
        (typeof(LinkedRevetting), "MarkPendingSql", true),
        (typeof(CandidateGraph), "NeighboursSql", false),
        (typeof(CandidateGraph), "NodesSql", false),
        (typeof(VetPendingCandidates.Handler), "PendingSql", false),
        (typeof(VettingInputs), "LockSql", false),
        (typeof(VettingInputs), "SharedSql", false),
        (typeof(VettingInputs), "SimilarResumesSql", false),
    ];

    public static async Task<IReadOnlyList<Plan>> RunAsync(string connectionString)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        var samples = new List<(string Label, long Id)>();
        if (await db.ExecuteScalarAsync<long?>("select id from candidates where external_id like 'seed-%' order by id limit 1 offset 1000") is { } single)
            samples.Add(("on their own", single));
        if (await db.ExecuteScalarAsync<long?>("""
                select i.candidate_id from candidate_identifiers i
                where i.kind in ('phone', 'bank_account')
                  and (select count(*) from candidate_identifiers o where o.kind = i.kind and o.value_hash = i.value_hash) >= 4
                limit 1
                """) is { } ringMember)
            samples.Add(("ring member", ringMember));

        var plans = new List<Plan>();
        foreach (var (label, id) in samples)
        {
            var externalId = await db.ExecuteScalarAsync<string>("select external_id from candidates where id = @id", new { id });
            var ring = (await db.QueryAsync<long>("""
                select distinct other.candidate_id from candidate_identifiers mine
                join candidate_identifiers other on other.kind = mine.kind and other.value_hash = mine.value_hash
                where mine.candidate_id = @id
                """, new { id })).ToArray();
            var bands = await db.ExecuteScalarAsync<long[]>("select bands from resume_fingerprints where candidate_id = @id", new { id }) ?? [];
            // The set-based SQL takes arrays: the candidate (or its ring) as a batch of one (or a few).
            var args = new
            {
                Bands = bands, CandidateIds = new[] { id }, ExternalIds = new[] { externalId }, Frontier = new[] { id }, Ids = ring, Limit = 50,
                BatchSize = VetPendingCandidates.BatchSize, VettingInputs.MaxResumeNeighbours, Now = DateTimeOffset.UtcNow, LegalNames = new[] { "Plan Probe" },
                Sources = new string?[] { null }, Roles = new string?[] { null }, Referrers = new string?[] { null }, SubmittedBy = "scale-bench",
                SubmissionTrace = (string?)null,
            };
            foreach (var (owner, constant, writes) in Queries)
            {
                // InsertCandidatesSql needs a new external id to insert anything.
                var parameters = constant == "InsertCandidatesSql" ? args with { ExternalIds = new[] { $"plan-probe-{Guid.NewGuid():N}" } } : args;
                await using var tx = await db.BeginTransactionAsync();
                var lines = (await db.QueryAsync<string>(new CommandDefinition($"explain (analyze, buffers) {Sql(owner, constant)}", parameters, tx))).ToArray();
                await tx.RollbackAsync();
                plans.Add(new Plan($"{Name(owner)}.{constant}{(writes ? " (rolled back)" : "")}", label, Ms(lines, "Execution Time"), Ms(lines, "Planning Time"),
                    string.Join('\n', lines)));
            }
        }
        return plans;
    }

    private static string Name(Type owner) => owner.DeclaringType is { } feature ? $"{feature.Name}.{owner.Name}" : owner.Name;

    private static string Sql(Type owner, string constant) =>
        (string)(owner.GetField(constant, BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue()
            ?? throw new InvalidOperationException($"{owner.FullName}.{constant} is gone: update the benchmark's query list."));

    private static double Ms(string[] lines, string label) =>
        lines.Where(l => l.StartsWith(label, StringComparison.Ordinal))
            .Select(l => double.Parse(l.Split(':')[1].Replace("ms", "").Trim(), System.Globalization.CultureInfo.InvariantCulture))
            .FirstOrDefault();
}
