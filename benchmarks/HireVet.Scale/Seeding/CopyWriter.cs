using HireVet.Application.Vetting.Scoring;
using Npgsql;
using NpgsqlTypes;

namespace HireVet.Scale.Seeding;

/// <summary>Binary COPY into the six tables a vetted candidate occupies, one connection each so the server parses them
/// in parallel. Ids are written as given (COPY stores identity values, as a restore does) and the sequences are moved
/// past them afterwards. Foreign-key triggers are off for these sessions (session_replication_role = replica, as the test reset
/// does): the rows are consistent by construction and the ids are checked afterwards.</summary>
public sealed class CopyWriter : IAsyncDisposable
{
    private readonly List<NpgsqlConnection> _connections = [];
    private NpgsqlBinaryImporter _candidates = null!, _revisions = null!, _identifiers = null!, _fingerprints = null!, _assessments = null!;
    private readonly string _referenceData;

    private CopyWriter(string referenceData) => _referenceData = referenceData;

    public static async Task<CopyWriter> OpenAsync(string connectionString, string referenceData)
    {
        var writer = new CopyWriter(referenceData);
        writer._candidates = await writer.Begin(connectionString, """
            copy candidates (id, external_id, legal_name, source, role, submitted_by, created_at, updated_at, current_revision, status,
                             vetting_status, vetting_requested_at, vetting_attempts, score, band, review_since, indicator_ids)
            from stdin (format binary)
            """);
        writer._revisions = await writer.Begin(connectionString, """
            copy candidate_revisions (id, candidate_id, revision, dossier, sensitive_protected, content_hash, submitted_by, submitted_at)
            from stdin (format binary)
            """);
        writer._identifiers = await writer.Begin(connectionString,
            "copy candidate_identifiers (candidate_id, kind, value_hash, display) from stdin (format binary)");
        writer._fingerprints = await writer.Begin(connectionString,
            "copy resume_fingerprints (candidate_id, minhash, bands, words) from stdin (format binary)");
        writer._assessments = await writer.Begin(connectionString, """
            copy assessments (id, candidate_id, revision_id, score, band, ruleset_version, ruleset_hash, signals, trace, reference_data, assessed_at)
            from stdin (format binary)
            """);
        return writer;
    }

    private async Task<NpgsqlBinaryImporter> Begin(string connectionString, string copy)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        _connections.Add(connection);
        await using (var replica = new NpgsqlCommand("set session_replication_role = replica", connection)) await replica.ExecuteNonQueryAsync();
        return await connection.BeginBinaryImportAsync(copy);
    }

    public async Task WriteAsync(SeedRow row)
    {
        var candidateId = row.Id;
        await _candidates.StartRowAsync();
        await _candidates.WriteAsync(candidateId, NpgsqlDbType.Bigint);
        await _candidates.WriteAsync(row.ExternalId, NpgsqlDbType.Text);
        await _candidates.WriteAsync(row.LegalName, NpgsqlDbType.Text);
        await WriteNullable(_candidates, row.Source);
        await WriteNullable(_candidates, row.Role);
        await _candidates.WriteAsync(RowBuilder.SubmittedBy, NpgsqlDbType.Text);
        await _candidates.WriteAsync(row.CreatedAt, NpgsqlDbType.TimestampTz);
        await _candidates.WriteAsync(row.AssessedAt, NpgsqlDbType.TimestampTz);
        await _candidates.WriteAsync(1, NpgsqlDbType.Integer);
        await _candidates.WriteAsync(row.Status, NpgsqlDbType.Text);
        await _candidates.WriteAsync("completed", NpgsqlDbType.Text);
        await _candidates.WriteAsync(row.CreatedAt, NpgsqlDbType.TimestampTz);
        await _candidates.WriteAsync(0, NpgsqlDbType.Integer);
        await _candidates.WriteAsync(row.Score, NpgsqlDbType.Integer);
        await _candidates.WriteAsync(row.Band, NpgsqlDbType.Text);
        // In review since its vetting, as the app's vetting writes it.
        if (row.Status == "review") await _candidates.WriteAsync(row.AssessedAt, NpgsqlDbType.TimestampTz);
        else await _candidates.WriteNullAsync();
        await _candidates.WriteAsync(row.IndicatorIds, NpgsqlDbType.Array | NpgsqlDbType.Text);

        await _revisions.StartRowAsync();
        await _revisions.WriteAsync(candidateId, NpgsqlDbType.Bigint);
        await _revisions.WriteAsync(candidateId, NpgsqlDbType.Bigint);
        await _revisions.WriteAsync(1, NpgsqlDbType.Integer);
        await _revisions.WriteAsync(row.DossierJson, NpgsqlDbType.Jsonb);
        await _revisions.WriteAsync(row.SensitiveProtected, NpgsqlDbType.Text);
        await _revisions.WriteAsync(row.ContentHash, NpgsqlDbType.Text);
        await _revisions.WriteAsync(RowBuilder.SubmittedBy, NpgsqlDbType.Text);
        await _revisions.WriteAsync(row.CreatedAt, NpgsqlDbType.TimestampTz);

        foreach (var (kind, hash, display) in row.Identifiers)
        {
            await _identifiers.StartRowAsync();
            await _identifiers.WriteAsync(candidateId, NpgsqlDbType.Bigint);
            await _identifiers.WriteAsync(kind, NpgsqlDbType.Text);
            await _identifiers.WriteAsync(hash, NpgsqlDbType.Bytea);
            await _identifiers.WriteAsync(display, NpgsqlDbType.Text);
        }

        if (row.MinHash is { } minHash)
        {
            await _fingerprints.StartRowAsync();
            await _fingerprints.WriteAsync(candidateId, NpgsqlDbType.Bigint);
            await _fingerprints.WriteAsync(minHash, NpgsqlDbType.Array | NpgsqlDbType.Bigint);
            await _fingerprints.WriteAsync(row.Bands, NpgsqlDbType.Array | NpgsqlDbType.Bigint);
            await _fingerprints.WriteAsync(row.Words, NpgsqlDbType.Integer);
        }

        await _assessments.StartRowAsync();
        await _assessments.WriteAsync(candidateId, NpgsqlDbType.Bigint);
        await _assessments.WriteAsync(candidateId, NpgsqlDbType.Bigint);
        await _assessments.WriteAsync(candidateId, NpgsqlDbType.Bigint); // the revision: one per candidate, with the candidate's id
        await _assessments.WriteAsync(row.Score, NpgsqlDbType.Integer);
        await _assessments.WriteAsync(row.Band, NpgsqlDbType.Text);
        await _assessments.WriteAsync(Ruleset.Embedded.Version, NpgsqlDbType.Text);
        await _assessments.WriteAsync(Ruleset.Embedded.Hash, NpgsqlDbType.Text);
        await _assessments.WriteAsync(row.SignalsJson, NpgsqlDbType.Jsonb);
        await _assessments.WriteAsync(row.TraceJson, NpgsqlDbType.Jsonb);
        await _assessments.WriteAsync(_referenceData, NpgsqlDbType.Jsonb);
        await _assessments.WriteAsync(row.AssessedAt, NpgsqlDbType.TimestampTz);
    }

    private static Task WriteNullable(NpgsqlBinaryImporter importer, string? value) =>
        value is null ? importer.WriteNullAsync() : importer.WriteAsync(value, NpgsqlDbType.Text);

    /// <summary>Commits every COPY.</summary>
    public async Task CompleteAsync()
    {
        foreach (var importer in new[] { _candidates, _revisions, _identifiers, _fingerprints, _assessments })
        {
            await importer.CompleteAsync();
            await importer.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections) await connection.DisposeAsync();
    }
}
