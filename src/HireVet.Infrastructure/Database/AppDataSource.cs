using Npgsql;

namespace HireVet.Infrastructure.Database;

/// <summary>The data source the application works through. Every physical connection switches to the hirevet_app
/// role, which may append to the audit trail but never change it; migrations and the job engine (its own schema) use the owner's connection.</summary>
public sealed class AppDataSource(string ownerConnectionString) : IDisposable
{
    public const string ApplicationRole = "hirevet_app";

    public NpgsqlDataSource Value { get; } = new NpgsqlDataSourceBuilder(WithPreparedStatements(ownerConnectionString))
        .UsePhysicalConnectionInitializer(
            connection => { using var cmd = new NpgsqlCommand($"set role {ApplicationRole}", connection); cmd.ExecuteNonQuery(); },
            async connection => { await using var cmd = new NpgsqlCommand($"set role {ApplicationRole}", connection); await cmd.ExecuteNonQueryAsync(); })
        .Build();

    /// <summary>The app runs the same few dozen statements over and over, and on a large database planning them cost
    /// about as much as running them (measured by the scale benchmark): Npgsql prepares a statement on a connection once
    /// it has been used twice. A connection string that sets this itself wins.</summary>
    private static string WithPreparedStatements(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }
        return builder.ConnectionString;
    }

    public void Dispose() => Value.Dispose();
}
