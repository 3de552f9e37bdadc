using System.Data.Common;
using Npgsql;

namespace HireVet.Infrastructure.Database;

/// <summary>The data source the application works through, logged in as hirevet_app: a login that owns nothing, may
/// append to the audit trail but never change it, and cannot become the owner (decision 0054). Migrations run
/// elsewhere, with the owner's credentials (<see cref="MigrationRunner"/>).</summary>
public sealed class AppDataSource(string connectionString) : IDisposable
{
    public const string ApplicationRole = "hirevet_app";

    /// <summary>Connections the app opens at most unless its connection string says otherwise (decision 0058).</summary>
    public const int DefaultMaxPoolSize = 16;

    public NpgsqlDataSource Value { get; } = NpgsqlDataSource.Create(WithDefaults(connectionString));

    /// <summary>Two defaults, each left alone when the connection string sets it itself.
    /// <list type="bullet">
    /// <item>Prepared statements: the app runs the same few dozen statements over and over, and on a large database
    /// planning them cost about as much as running them (measured by the scale benchmark). Npgsql prepares a statement
    /// on a connection once it has been used twice.</item>
    /// <item>At most <see cref="DefaultMaxPoolSize"/> connections instead of Npgsql's 100: under load a larger pool only
    /// lets more transactions compete for the database's cores, each new server process faulting in the shared buffers
    /// again; requests beyond it wait for a connection in the app, which costs nothing.</item>
    /// </list></summary>
    public static string WithDefaults(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(key => key.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()).ToHashSet();
        if (!given.Overlaps(["maxautoprepare", "autoprepareminusages"]))
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }
        if (!given.Overlaps(["maxpoolsize", "maximumpoolsize"])) builder.MaxPoolSize = DefaultMaxPoolSize;
        return builder.ConnectionString;
    }

    public void Dispose() => Value.Dispose();
}
