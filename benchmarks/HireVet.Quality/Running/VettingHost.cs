using System.Diagnostics;
using System.Text.Json;
using Dapper;
using FluentValidation;
using HireVet.Application;
using HireVet.Application.Candidates;
using HireVet.Application.Checks;
using HireVet.Application.Common.Security;
using HireVet.Application.Dossiers;
using HireVet.Application.ReferenceData;
using HireVet.Application.Vetting;
using HireVet.Infrastructure;
using HireVet.Infrastructure.Database;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace HireVet.Quality.Running;

/// <summary>The real application (MediatR pipeline, validation, transactions, audit, every check) over one database,
/// without the web layer or the job scheduler: the benchmark submits and vets candidates itself, as HR would.</summary>
public sealed class VettingHost : IDisposable
{
    private readonly IHost _host;
    private readonly string _connectionString;

    private VettingHost(IHost host, string connectionString) => (_host, _connectionString) = (host, connectionString);

    /// <param name="connectionString">The owner's: the harness migrates, then works in-process (no web process serves).</param>
    public static async Task<VettingHost> StartAsync(string connectionString)
    {
        await new MigrationRunner(connectionString, Microsoft.Extensions.Logging.Abstractions.NullLogger<MigrationRunner>.Instance).MigrateAsync();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Paths.RepositoryRoot });
        builder.Configuration["ConnectionStrings:HireVet"] = connectionString;
        builder.Configuration["Jobs:Enabled"] = "false"; // vetting is driven below, not by the job servers
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Data Protection warns that its keys are not encrypted at rest: expected for a throw-away database.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        builder.Services.AddApplication().AddInfrastructure(builder.Configuration);
        builder.Services.AddScoped<ICurrentActor>(_ => new Actor("quality", Roles.Hr));
        var host = builder.Build();
        return new VettingHost(host, connectionString);
    }

    /// <summary>The application's services (Data Protection, keyed hashing, reference data) for harnesses that write
    /// what the application would.</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>Waits for the reference data the checks use, as vetting itself would.</summary>
    public Task<ReferenceSnapshot> ReferenceDataAsync() => _host.Services.GetRequiredService<IReferenceData>().LoadedAsync(CancellationToken.None);

    public async Task<T> SendAsync<T>(IRequest<T> request)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    /// <summary>Submits every dossier through SubmitCandidate; a validation error is a generator bug, so it stops the run
    /// with the field names.</summary>
    public async Task SubmitAsync(IEnumerable<SubmitCandidate.Command> commands)
    {
        foreach (var command in commands)
        {
            try
            {
                await SendAsync(command);
            }
            catch (ValidationException e)
            {
                throw new InvalidOperationException($"The generated dossier {command.ExternalId} is invalid: " +
                    string.Join("; ", e.Errors.Select(x => $"{x.PropertyName}: {x.ErrorMessage}")), e);
            }
        }
    }

    /// <summary>Vets every pending candidate, again and again until none is pending: vetting never marks others pending
    /// today, but a submission does (the ring's other members), so the loop holds whatever the order of work.</summary>
    public async Task<int> VetAllPendingAsync()
    {
        var vetted = 0;
        for (var pass = 0; pass < 20; pass++)
        {
            var pending = await QueryAsync<long>("select id from candidates where vetting_status = 'pending' order by id");
            if (pending.Length == 0) return vetted;
            foreach (var id in pending) await SendAsync(new VetCandidates.Command([id]));
            vetted += pending.Length;
        }
        throw new InvalidOperationException("Candidates were still pending after 20 passes: vetting keeps marking others pending.");
    }

    /// <summary>Each candidate's band, score and the signals of its latest assessment.</summary>
    public async Task<IReadOnlyDictionary<string, Assessed>> AssessmentsAsync()
    {
        var rows = await QueryAsync<(string ExternalId, string Band, int Score, string Signals, string Trace)>("""
            select c.external_id, c.band, c.score, a.signals::text, a.trace::text
            from candidates c
            join lateral (select signals, trace from assessments where candidate_id = c.id order by id desc limit 1) a on true
            """);
        return rows.ToDictionary(r => r.ExternalId, r => new Assessed(
            r.Band, r.Score,
            JsonSerializer.Deserialize<Signal[]>(r.Signals, DossierJson.Options) ?? [],
            JsonSerializer.Deserialize<CheckTrace[]>(r.Trace, DossierJson.Options) ?? []));
    }

    private async Task<T[]> QueryAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        return [.. await connection.QueryAsync<T>(sql)];
    }

    public void Dispose() => _host.Dispose();

    /// <summary>Submits, vets and reads back a whole corpus; the timings go to the report.</summary>
    public async Task<CorpusRun> RunAsync(IReadOnlyList<SubmitCandidate.Command> corpus, Action<string> log)
    {
        var clock = Stopwatch.StartNew();
        await SubmitAsync(corpus);
        var submit = clock.Elapsed;
        log($"submitted {corpus.Count} dossiers in {submit.TotalSeconds:0.0} s");
        clock.Restart();
        var vetted = await VetAllPendingAsync();
        var vet = clock.Elapsed;
        log($"ran {vetted} vettings in {vet.TotalSeconds:0.0} s");
        return new CorpusRun(await AssessmentsAsync(), submit, vet, vetted);
    }
}

public sealed record CorpusRun(IReadOnlyDictionary<string, Assessed> Results, TimeSpan Submit, TimeSpan Vet, int Vettings);

/// <summary>What HireVet concluded about one candidate.</summary>
public sealed record Assessed(string Band, int Score, IReadOnlyList<Signal> Signals, IReadOnlyList<CheckTrace> Trace)
{
    public bool Flagged => Band is "review" or "high";
}
