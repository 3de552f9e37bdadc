using Dapper;
using Npgsql;

namespace HireVet.Infrastructure.Database;

/// <summary>Run before HireVet serves: refuses a login that could rewrite the audit trail (a superuser, the owner of
/// HireVet's tables or a member of its role) and a database behind the migrations this build ships.</summary>
public static class ApplicationLoginCheck
{
    private const string LoginSql = """
        select current_user as login, r.rolsuper as superuser, r.rolbypassrls as bypasses_row_security,
               exists (select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace
                       where n.nspname in ('public', 'hangfire') and c.relkind in ('r', 'p')
                         and pg_has_role(current_user, c.relowner, 'MEMBER')) as owns_tables
        from pg_roles r where r.rolname = current_user
        """;

    private const string AppliedSql = "select count(*) from schema_migrations where version = any(@Versions)";

    public static async Task EnsureAsync(NpgsqlDataSource dataSource, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var login = await connection.QuerySingleAsync<LoginRow>(new CommandDefinition(LoginSql, cancellationToken: ct));
        if (login.Superuser || login.OwnsTables || login.BypassesRowSecurity)
            throw new InvalidOperationException(
                $"HireVet refuses to serve as the database login '{login.Login}': it {(login.Superuser ? "is a superuser" : login.OwnsTables ? "owns HireVet's tables" : "bypasses row security")}, " +
                "so any code in the web process could rewrite the audit trail. Serve with the hirevet_app login (ConnectionStrings:HireVet or " +
                "HIREVET_DATABASE_URL) and migrate with the owner's in its own step: HIREVET_OWNER_DATABASE_URL=... ./hirevet admin migrate.");

        var versions = MigrationRunner.Embedded().Select(m => m.Version).ToArray();
        long applied;
        try
        {
            applied = await connection.ExecuteScalarAsync<long>(new CommandDefinition(AppliedSql, new { Versions = versions }, cancellationToken: ct));
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InsufficientPrivilege)
        {
            applied = -1;
        }
        if (applied != versions.Length)
            throw new InvalidOperationException(
                $"The database is not migrated to this version of HireVet (it needs {versions[^1]}). Run the migrations with the " +
                "owner's credentials first: HIREVET_OWNER_DATABASE_URL=... ./hirevet admin migrate (./hirevet start does it for its private PostgreSQL).");
    }

    private sealed record LoginRow
    {
        public string Login { get; init; } = "";
        public bool Superuser { get; init; }
        public bool BypassesRowSecurity { get; init; }
        public bool OwnsTables { get; init; }
    }
}
