using System.Text.Json;
using Dapper;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Security;

namespace HireVet.Application.Connectors;

/// <summary>A connector as the code that talks to its vendor needs it: settings and decrypted secrets.</summary>
public sealed record Connector(long Id, string Kind, string Name, string Status, IReadOnlyDictionary<string, string> Settings,
    IReadOnlyDictionary<string, string> Secrets, string? Cursor)
{
    public string? Setting(string name) => Settings.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
    public string? Secret(string name) => Secrets.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
    public bool NotesOn => Setting(ConnectorKinds.NotesSetting) == "on";
}

/// <summary>Reads connectors with their secrets, and records what each did (the connector log, its counters, cursor
/// and last error), in the caller's transaction.</summary>
public sealed class ConnectorStore(IDbSession db, ISensitiveData sensitive)
{
    private sealed record Row
    {
        public long Id { get; init; }
        public string Kind { get; init; } = "";
        public string Name { get; init; } = "";
        public string Status { get; init; } = "";
        public string Settings { get; init; } = "{}";
        public string SecretsProtected { get; init; } = "";
        public string? Cursor { get; init; }
    }

    private const string LoadSql = """
        select id, kind, name, status, settings::text as settings, secrets_protected, cursor
        from connectors where id = @Id and status <> 'removed'
        """;

    public async Task<Connector?> FindAsync(long id, CancellationToken ct)
    {
        var row = await db.Connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(LoadSql, new { Id = id }, db.Transaction, cancellationToken: ct));
        return row is null ? null : new Connector(row.Id, row.Kind, row.Name, row.Status,
            JsonSerializer.Deserialize<Dictionary<string, string>>(row.Settings)!,
            JsonSerializer.Deserialize<Dictionary<string, string>>(sensitive.Unprotect(row.SecretsProtected))!, row.Cursor);
    }

    public string ProtectSecrets(IReadOnlyDictionary<string, string> secrets) => sensitive.Protect(JsonSerializer.Serialize(secrets));

    private const string LogSql = """
        insert into connector_log (connector_id, at, activity, outcome, subject, detail, received, accepted, rejected)
        values (@ConnectorId, @At, @Activity, @Outcome, @Subject, @Detail, @Received, @Accepted, @Rejected)
        """;

    public Task LogAsync(ConnectorLogEntry entry, CancellationToken ct) =>
        db.Connection.ExecuteAsync(new CommandDefinition(LogSql, entry with { Detail = Truncate(entry.Detail) }, db.Transaction, cancellationToken: ct));

    private const string SyncedSql = """
        update connectors set cursor = coalesce(@Cursor, cursor), last_sync_at = @At,
          last_success_at = case when @Error is null then @At else last_success_at end,
          last_error = case when @Error is null then last_error else @Error end,
          last_error_at = case when @Error is null then last_error_at else @At end,
          received = received + @Received, accepted = accepted + @Accepted, rejected = rejected + @Rejected
        where id = @Id
        """;

    /// <summary>Adds a sync's counts, moves the cursor (when given) and records the error, if any.</summary>
    public Task SyncedAsync(long id, DateTimeOffset at, string? cursor, int received, int accepted, int rejected, string? error, CancellationToken ct) =>
        db.Connection.ExecuteAsync(new CommandDefinition(SyncedSql, new { Id = id, At = at, Cursor = cursor, Received = received, Accepted = accepted,
            Rejected = rejected, Error = Truncate(error) }, db.Transaction, cancellationToken: ct));

    private static string? Truncate(string? text) => text is { Length: > 2000 } ? text[..2000] + "…" : text;
}

/// <summary>One line of the connector log: a delivery, pull, note or test, and its outcome.</summary>
public sealed record ConnectorLogEntry(long ConnectorId, DateTimeOffset At, string Activity, string Outcome, string? Subject = null,
    string? Detail = null, int? Received = null, int? Accepted = null, int? Rejected = null);
