using Npgsql;

namespace HireVet.Infrastructure.Database;

/// <summary>The data source the application works through. Every physical connection switches to the hirevet_app
/// role, which may append to the audit trail but never change it; migrations and Quartz use the owner's connection.</summary>
public sealed class AppDataSource(string ownerConnectionString) : IDisposable
{
    public const string ApplicationRole = "hirevet_app";

    public NpgsqlDataSource Value { get; } = new NpgsqlDataSourceBuilder(ownerConnectionString)
        .UsePhysicalConnectionInitializer(
            connection => { using var cmd = new NpgsqlCommand($"set role {ApplicationRole}", connection); cmd.ExecuteNonQuery(); },
            async connection => { await using var cmd = new NpgsqlCommand($"set role {ApplicationRole}", connection); await cmd.ExecuteNonQueryAsync(); })
        .Build();

    public void Dispose() => Value.Dispose();
}
