using System.Net.Http.Headers;
using HireVet.Application.Access;
using HireVet.Application.Candidates;
using HireVet.Application.Common.Security;
using HireVet.Application.Vetting;
using HireVet.Infrastructure.Database;
using HireVet.Web.Security;
using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace HireVet.IntegrationTests.Infrastructure;

[CollectionDefinition("db")]
public sealed class DatabaseCollection : ICollectionFixture<DatabaseFixture>;

/// <summary>One private PostgreSQL per test run; the hirevet_test database is recreated and migrated from zero by the
/// same MigrationRunner `./hirevet admin migrate` uses, as the owner, then every test resets it with TRUNCATE. The
/// application under test logs in as hirevet_app with a password generated for the run, as in production.</summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    private readonly PrivatePostgres _postgres = new();
    private readonly Dictionary<string, string> _apiKeys = [];

    /// <summary>The application's login (hirevet_app) on hirevet_test: what every app under test connects with.</summary>
    public string ConnectionString { get; private set; } = "";
    /// <summary>The owner's (superuser's here) connection to hirevet_test: migrations, resets and attacks.</summary>
    public string OwnerConnectionString { get; private set; } = "";
    /// <summary>The application login's password, generated for this run.</summary>
    public string ApplicationPassword { get; } = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
    public HireVetFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await using (var server = new NpgsqlConnection(_postgres.ServerConnectionString))
        {
            await server.OpenAsync();
            await using var drop = new NpgsqlCommand("drop database if exists hirevet_test with (force)", server);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand("create database hirevet_test", server);
            await create.ExecuteNonQueryAsync();
        }
        OwnerConnectionString = OwnerConnectionStringFor("hirevet_test");
        var migrations = new MigrationRunner(OwnerConnectionString, NullLogger<MigrationRunner>.Instance);
        await migrations.MigrateAsync();
        await migrations.SetApplicationPasswordAsync(ApplicationPassword);
        ConnectionString = ConnectionStringFor("hirevet_test");
        Factory = new HireVetFactory(ConnectionString, jobsEnabled: false);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        _postgres.Dispose();
    }

    /// <summary>Empties every table but the migration history and the data protection keys, and Hangfire's jobs, queues,
    /// recurring jobs, servers and locks (not its schema version), so that no job or schedule of one test fires in the
    /// next one's host. The audit trail refuses TRUNCATE through a trigger, so the reset runs with triggers off (replica
    /// role), as only a superuser can. An app with its jobs on that is still stopping (its audit chain writer) can
    /// deadlock with the TRUNCATE: then it is tried again.</summary>
    public async Task ResetAsync()
    {
        _apiKeys.Clear();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await TruncateAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 5)
            {
                await Task.Delay(200 * attempt);
            }
        }
    }

    private async Task TruncateAsync()
    {
        await ExecuteAsync("""
            set session_replication_role = replica;
            do $$
            declare t text;
            begin
              select string_agg(format('%I', tablename), ', ') into t from pg_tables
              where schemaname = 'public' and tablename <> 'schema_migrations'
                and tablename not in ('data_protection_keys', 'protected_secrets');
              execute 'truncate ' || t || ' restart identity cascade';
            end $$;
            truncate hangfire.job, hangfire.jobqueue, hangfire.state, hangfire.jobparameter, hangfire.lock, hangfire.set,
              hangfire.hash, hangfire.list, hangfire.counter, hangfire.aggregatedcounter, hangfire.server restart identity cascade;
            set session_replication_role = origin;
            """);
    }

    /// <summary>Restarts the PostgreSQL server. This process's own pools (the fixture's connections and its app's data
    /// source) drop their dead connections; apps under test must recover by themselves.</summary>
    public void RestartServer()
    {
        _postgres.Restart();
        NpgsqlConnection.ClearAllPools();
        Factory.Services.GetRequiredService<AppDataSource>().Value.Clear();
    }

    /// <summary>The application login's connection string to a database of the same server (another one is created and
    /// dropped by the test, and migrated with <see cref="OwnerConnectionStringFor"/>).</summary>
    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder(_postgres.ServerConnectionString)
    {
        Database = database, Username = AppDataSource.ApplicationRole, Password = ApplicationPassword, Pooling = true,
    }.ConnectionString;

    /// <summary>The owner's (superuser's) connection string to a database of the same server.</summary>
    public string OwnerConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(_postgres.ServerConnectionString) { Database = database, Pooling = true }.ConnectionString;

    /// <summary>Runs SQL on the server's maintenance database (create or drop a database).</summary>
    public async Task ExecuteOnServerAsync(string sql)
    {
        await using var server = new NpgsqlConnection(_postgres.ServerConnectionString);
        await server.OpenAsync();
        await using var command = new NpgsqlCommand(sql, server);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs SQL as the database owner (superuser here), bypassing the application's login.</summary>
    public async Task ExecuteAsync(string sql, object? param = null)
    {
        await using var connection = new NpgsqlConnection(OwnerConnectionString);
        await Dapper.SqlMapper.ExecuteAsync(connection, sql, param);
    }

    public async Task<T> QuerySingleAsync<T>(string sql, object? param = null)
    {
        await using var connection = new NpgsqlConnection(OwnerConnectionString);
        return await Dapper.SqlMapper.QuerySingleAsync<T>(connection, sql, param);
    }

    public async Task<T[]> QueryAsync<T>(string sql, object? param = null)
    {
        await using var connection = new NpgsqlConnection(OwnerConnectionString);
        return (await Dapper.SqlMapper.QueryAsync<T>(connection, sql, param)).ToArray();
    }

    /// <summary>Sends a request through the real MediatR pipeline in a fresh scope, as the given actor.</summary>
    public async Task<T> SendAsync<T>(IRequest<T> request, string actor = "tester", string role = Roles.Security)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Explicit = new Actor(actor, role);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    /// <summary>Honest candidates imported by HR and vetted, so cleared: open cases that a full re-screening run covers.
    /// Their external ids are <paramref name="prefix"/>-0, -1, ...; returns their ids in order.</summary>
    public async Task<long[]> ClearedCandidatesAsync(string prefix, int count)
    {
        var imported = await SendAsync(new ImportCandidates.Command([.. Enumerable.Range(0, count).Select(i => Dossiers.Honest($"{prefix}-{i}"))]),
            "hana", Roles.Hr);
        var ids = imported.Stored.Select(s => s.Id).Order().ToArray();
        await SendAsync(new VetCandidates.Command(ids), "system", Roles.System);
        return ids;
    }

    /// <summary>HR submits the dossier, then <see cref="VetAllPendingAsync"/>.</summary>
    public async Task<long> SubmitAndVetAllAsync(SubmitCandidate.Command dossier)
    {
        var id = (await SendAsync(dossier, "hana", Roles.Hr)).Id;
        await VetAllPendingAsync();
        return id;
    }

    /// <summary>Vets every pending candidate until none is left, as the scheduler would (a new candidate, then those
    /// whose ring or referrer it changed). Fails if re-vets keep cascading.</summary>
    public async Task VetAllPendingAsync()
    {
        for (var round = 0; round < 10; round++)
        {
            var pending = await QueryAsync<long>("select id from candidates where vetting_status = 'pending' order by id");
            if (pending.Length == 0) return;
            foreach (var id in pending) await SendAsync(new VetCandidates.Command([id]), "system", Roles.System);
        }
        Assert.Fail("Vetting kept marking candidates pending: re-vets must not cascade.");
    }

    /// <summary>An HTTP client authenticated with an API key of the given role (null: anonymous).</summary>
    public async Task<HttpClient> ClientAsync(string? role, string name = "test")
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (role is null) return client;
        var cacheKey = $"{role}:{name}";
        if (!_apiKeys.TryGetValue(cacheKey, out var key))
        {
            key = (await SendAsync(new CreateApiKey.Command { Name = name, Role = role }, "fixture", Roles.Admin)).Key;
            _apiKeys[cacheKey] = key;
        }
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, key);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }
}

/// <summary>The application in the test process. With jobs enabled, the schedules that fire at a time of day (the
/// nightly and weekly re-screening, the hourly audit walk, the connectors' pull) never come due unless <paramref name="timedSchedules"/>
/// or the settings say otherwise: a test running at 02:00 UTC would otherwise meet a run it did not start.</summary>
public sealed class HireVetFactory(string connectionString, bool jobsEnabled, IDictionary<string, string?>? settings = null, bool timedSchedules = false)
    : WebApplicationFactory<Program>
{
    /// <summary>February 31st, Hangfire's Cron.Never().</summary>
    public const string Never = "0 0 31 2 *";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:HireVet", connectionString);
        builder.UseSetting("Jobs:Enabled", jobsEnabled ? "true" : "false");
        builder.UseSetting("Database:SeedOnStartup", "false");
        if (jobsEnabled && !timedSchedules)
            foreach (var key in new[] { "Jobs:RescreenCron", "Jobs:FullRescreenCron", "Jobs:AuditWalkCron", "Jobs:ConnectorPullCron" }) builder.UseSetting(key, Never);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
    }
}
