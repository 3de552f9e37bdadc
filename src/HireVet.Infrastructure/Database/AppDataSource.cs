using Npgsql;

namespace HireVet.Infrastructure.Database;

/// <summary>The data source the application works through, logged in as hirevet_app: a login that owns nothing, may
/// append to the audit trail but never change it, and cannot become the owner (decision 0054). Migrations run
/// elsewhere, with the owner's credentials (<see cref="MigrationRunner"/>).</summary>
public sealed class AppDataSource(string connectionString) : IDisposable
{
    public const string ApplicationRole = "hirevet_app";

    public NpgsqlDataSource Value { get; } = NpgsqlDataSource.Create(WithPreparedStatements(connectionString));

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
