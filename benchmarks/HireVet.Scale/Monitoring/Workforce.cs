using Dapper;
using HireVet.Quality.Corpus;
using Npgsql;

namespace HireVet.Scale.Monitoring;

/// <summary>The hired workforce: every seeded candidate becomes a worker, stored as `POST /api/candidates/{id}/hire`
/// stores one (a row in `workers`, set-based here), with the city they claimed to live in, from which their sign-ins
/// come.</summary>
public static class Workforce
{
    public const string HiredBy = "bench-monitoring";

    public sealed record Member(long WorkerId, string WorkEmail, Country Country, City City);

    public static string WorkEmail(long candidateId) => $"worker{candidateId}@corp.example";

    public static async Task<int> HireEveryoneAsync(string connectionString, DateTimeOffset now)
    {
        await using var db = new NpgsqlConnection(connectionString);
        return await db.ExecuteAsync(new CommandDefinition("""
            insert into workers (candidate_id, employee_id, work_email, start_date, hired_by, hired_at)
            select id, 'E' || lpad(id::text, 8, '0'), 'worker' || id || '@corp.example', (@Now::date - 120 - (id % 365)::int), @HiredBy, @Now
            from candidates c where not exists (select 1 from workers w where w.candidate_id = c.id)
            order by id
            """, new { Now = now, HiredBy }, commandTimeout: 0));
    }

    public static async Task<Member[]> LoadAsync(string connectionString)
    {
        await using var db = new NpgsqlConnection(connectionString);
        var rows = await db.QueryAsync<(long WorkerId, string WorkEmail, string? Country, string? City)>(new CommandDefinition("""
            select w.id, w.work_email, r.dossier->'claimedResidence'->>'country', r.dossier->'claimedResidence'->>'city'
            from workers w
            join candidates c on c.id = w.candidate_id
            join candidate_revisions r on r.candidate_id = c.id and r.revision = c.current_revision
            order by w.id
            """, commandTimeout: 0));
        var countries = Countries.All.ToDictionary(c => c.Code);
        return [.. rows.Select(r =>
        {
            var country = r.Country is not null && countries.TryGetValue(r.Country, out var c) ? c : Countries.US;
            var city = country.Cities.FirstOrDefault(x => x.Name == r.City) ?? country.Cities[0];
            return new Member(r.WorkerId, r.WorkEmail, country, city);
        })];
    }
}
