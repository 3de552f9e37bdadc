using HireVet.Infrastructure.Database;
using HireVet.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace HireVet.IntegrationTests.Access;

/// <summary>Issue 17, least privilege: what code running in the web process could do with the login it holds.</summary>
[Collection("db")]
public sealed class ApplicationLoginTests(DatabaseFixture db) : IAsyncLifetime
{
    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string> Refused() =>
    [
        "update audit_records set actor = 'x'",
        "delete from audit_records",
        "truncate audit_records",
        "update audit_chain set hash = 'x'",
        "delete from audit_chain",
        "truncate audit_chain",
        "alter table audit_records disable trigger tr_audit_records_append_only",
        "alter table audit_chain disable trigger all",
        "drop trigger tr_audit_records_append_only on audit_records",
        "drop table audit_records",
        "alter table audit_records add column forged text",
        "set role postgres",
        "alter role hirevet_app superuser",
        "create role intruder login superuser",
        "create function public.backdoor() returns int language sql as 'select 1'",
        "create or replace function notify_audit_unchained() returns trigger language plpgsql as 'begin return null; end'",
        "create table public.staging (id int)",
        "truncate hangfire.job",
        "create table hangfire.backdoor (id int)",
        "alter table hangfire.job disable trigger all",
        "insert into schema_migrations (version, checksum) values ('9999_forged', 'x')",
        "delete from schema_migrations",
    ];

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task The_application_login_is_refused(string sql)
    {
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [Fact]
    public async Task The_application_login_is_neither_superuser_nor_owner_nor_member_of_the_owner()
    {
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        var (login, superuser, memberOfOwner) = await Dapper.SqlMapper.QuerySingleAsync<(string, bool, bool)>(connection, """
            select current_user::text, r.rolsuper, pg_has_role(current_user, (select relowner from pg_class where relname = 'audit_records'), 'MEMBER')
            from pg_roles r where r.rolname = current_user
            """);
        Assert.Equal(AppDataSource.ApplicationRole, login);
        Assert.False(superuser);
        Assert.False(memberOfOwner);
        // What the job servers need on their tables, it has: rows only.
        Assert.True(await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "select count(*) from hangfire.job") >= 0);
    }

    [Fact]
    public async Task The_private_cluster_refuses_a_connection_without_the_password()
    {
        Assert.True(Environment.GetEnvironmentVariable("HIREVET_TEST_DB") is null or "",
            "This test needs the private cluster (HIREVET_TEST_DB names an outside server whose authentication HireVet does not set).");
        foreach (var user in new[] { "postgres", AppDataSource.ApplicationRole })
        {
            var withoutPassword = new NpgsqlConnectionStringBuilder(db.ConnectionString) { Username = user, Password = null, Pooling = false }.ConnectionString;
            await using (var connection = new NpgsqlConnection(withoutPassword))
                await Assert.ThrowsAnyAsync<NpgsqlException>(() => connection.OpenAsync());
            var wrongPassword = new NpgsqlConnectionStringBuilder(withoutPassword) { Password = "not-the-password" }.ConnectionString;
            await using (var connection = new NpgsqlConnection(wrongPassword))
            {
                var error = await Assert.ThrowsAsync<PostgresException>(() => connection.OpenAsync());
                Assert.Equal(PostgresErrorCodes.InvalidPassword, error.SqlState);
            }
        }
    }

    [Fact]
    public async Task HireVet_refuses_to_serve_as_the_owner()
    {
        await using var app = new HireVetFactory(db.OwnerConnectionString, jobsEnabled: false);
        var error = Assert.Throws<InvalidOperationException>(() => app.Services);
        Assert.Contains("refuses to serve as the database login 'postgres'", error.Message);
        Assert.Contains("admin migrate", error.Message);
    }

    [Fact]
    public async Task HireVet_refuses_to_serve_a_database_behind_its_migrations()
    {
        const string database = "hirevet_behind";
        await db.ExecuteOnServerAsync($"drop database if exists {database} with (force)");
        await db.ExecuteOnServerAsync($"create database {database}");
        try
        {
            await new MigrationRunner(db.OwnerConnectionStringFor(database), NullLogger<MigrationRunner>.Instance).MigrateAsync();
            await using (var owner = new NpgsqlConnection(db.OwnerConnectionStringFor(database)))
                await Dapper.SqlMapper.ExecuteAsync(owner, "delete from schema_migrations where version = (select max(version) from schema_migrations)");

            await using var app = new HireVetFactory(db.ConnectionStringFor(database), jobsEnabled: false);
            var error = Assert.Throws<InvalidOperationException>(() => app.Services);
            Assert.Contains("not migrated", error.Message);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await db.ExecuteOnServerAsync($"drop database if exists {database} with (force)");
        }
    }
}
