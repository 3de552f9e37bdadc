using Dapper;
using HireVet.Scale.Seeding;
using Npgsql;

namespace HireVet.Scale.Analysis;

/// <summary>Proof that the seeded rows are what the app would have written: candidates the running app stored during
/// this run that it linked to a seeded candidate through an identifier hash. Any at all means the seeder hashed with
/// the app's key and normalisation; none, with submissions that share identifiers, would mean the lookups ran against
/// rows the app can never match.</summary>
public static class LinkCheck
{
    public static async Task<long> SubmissionsLinkedToSeededAsync(string connectionString, string externalIdPrefix)
    {
        await using var db = new NpgsqlConnection(connectionString);
        return await db.ExecuteScalarAsync<long>(new CommandDefinition("""
            select count(distinct mine.candidate_id)
            from candidates c
            join candidate_identifiers mine on mine.candidate_id = c.id
            join candidate_identifiers other on other.kind = mine.kind and other.value_hash = mine.value_hash and other.candidate_id <> mine.candidate_id
            join candidates o on o.id = other.candidate_id and o.submitted_by = @Seeder
            where c.external_id like @Prefix
            """, new { Seeder = RowBuilder.SubmittedBy, Prefix = externalIdPrefix + "%" }, commandTimeout: 0));
    }
}
