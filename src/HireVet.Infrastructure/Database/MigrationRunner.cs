using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Hangfire.PostgreSql;
using HireVet.Infrastructure.Jobs;
using Npgsql;

namespace HireVet.Infrastructure.Database;

/// <summary>Applies the numbered SQL files of migrations/ (embedded in this assembly) in order, one transaction each,
/// under an advisory lock so that several nodes starting at once migrate once. Applied files are checksummed; a
/// changed file stops start-up, because migrations are forward-only and never edited. It connects as the owner: it runs in
/// its own step (`./hirevet admin migrate`), never inside the serving process, which logs in as hirevet_app.</summary>
public sealed class MigrationRunner(string ownerConnectionString, ILogger<MigrationRunner> logger)
{
    private const long LockKey = 7_202_611_211;

    public static IReadOnlyList<(string Version, string Sql)> Embedded() =>
        typeof(MigrationRunner).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("migrations.", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(typeof(MigrationRunner).Assembly.GetManifestResourceStream(n)!);
                return (n["migrations.".Length..^".sql".Length], reader.ReadToEnd());
            })
            .ToArray();

    public async Task<int> MigrateAsync(CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync(ct);
        await Execute(connection, null, $"select pg_advisory_lock({LockKey})", ct);
        try
        {
            await Execute(connection, null, """
                create table if not exists schema_migrations (
                  version text primary key, checksum text not null, applied_at timestamptz not null default now())
                """, ct);
            var applied = new Dictionary<string, string>();
            await using (var cmd = new NpgsqlCommand("select version, checksum from schema_migrations", connection))
            await using (var reader = await cmd.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct)) applied[reader.GetString(0)] = reader.GetString(1);

            var count = 0;
            foreach (var (version, sql) in Embedded())
            {
                var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql.ReplaceLineEndings("\n"))));
                if (applied.TryGetValue(version, out var existing))
                {
                    if (existing != checksum)
                        throw new InvalidOperationException($"Migration {version} was changed after it was applied. Add a new migration instead.");
                    continue;
                }
                await using var tx = await connection.BeginTransactionAsync(ct);
                await Execute(connection, tx, sql, ct);
                await using (var record = new NpgsqlCommand("insert into schema_migrations (version, checksum) values (@v, @c)", connection, tx))
                {
                    record.Parameters.AddWithValue("v", version);
                    record.Parameters.AddWithValue("c", checksum);
                    await record.ExecuteNonQueryAsync(ct);
                }
                await tx.CommitAsync(ct);
                logger.LogInformation("Applied migration {Version}", version);
                count++;
            }
            await InstallJobStorageAsync(ct);
            return count;
        }
        finally
        {
            await Execute(connection, null, $"select pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
    }

    /// <summary>Hangfire's tables, created or upgraded by its own installer, here under the migration lock: two nodes
    /// installing them at once fail (Hangfire.PostgreSql has no lock of its own). Its scripts set the search path, so
    /// they get a connection of their own.</summary>
    private async Task InstallJobStorageAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync(ct);
        PostgreSqlObjectsInstaller.Install(connection, HangfireSetup.Schema);
        // Tables the installer created are the owner's. The application enqueues and runs jobs: it reads and writes their
        // rows, and nothing more (no truncate, no DDL). A stored job names code to run, so decision 0054 explains why
        // this gives code in the web process nothing it does not have already.
        await Execute(connection, null, $"""
            revoke all on all tables in schema {HangfireSetup.Schema} from public;
            grant usage on schema {HangfireSetup.Schema} to {AppDataSource.ApplicationRole};
            grant select, insert, update, delete on all tables in schema {HangfireSetup.Schema} to {AppDataSource.ApplicationRole};
            grant usage, select on all sequences in schema {HangfireSetup.Schema} to {AppDataSource.ApplicationRole};
            """, ct);
    }

    /// <summary>Sets the password the application's login (hirevet_app) signs in with; the server stores only its
    /// SCRAM verifier. For a private cluster, where HireVet generates the password; a DBA may set it instead.</summary>
    public async Task SetApplicationPasswordAsync(string password, CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync(ct);
        await using var format = new NpgsqlCommand("select format('alter role %I login password %L', @role, @password)", connection);
        format.Parameters.AddWithValue("role", AppDataSource.ApplicationRole);
        format.Parameters.AddWithValue("password", password);
        await Execute(connection, null, (string)(await format.ExecuteScalarAsync(ct))!, ct);
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, CancellationToken ct)
    {
        // A migration rewriting a big table runs for minutes; Npgsql's default 30 s command timeout would abort it.
        await using var cmd = new NpgsqlCommand(sql, connection, tx) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
