using System.Collections.Concurrent;
using Dapper;
using HireVet.Application.Common.Data;

namespace HireVet.Application.Vetting.Scoring;

/// <summary>The ruleset vetting uses now: the active one in the database, or the shipped default until one is
/// activated (start-up seeds and activates it). Parsed rulesets are cached by their hash.</summary>
public static class ActiveRuleset
{
    private static readonly ConcurrentDictionary<string, Ruleset> Parsed = new();

    private const string Sql = "select hash, content from rulesets where status = 'active'";

    public static async Task<Ruleset> GetAsync(IDbSession db, CancellationToken ct)
    {
        var row = await db.Connection.QuerySingleOrDefaultAsync<(string Hash, string Content)?>(
            new CommandDefinition(Sql, transaction: db.Transaction, cancellationToken: ct));
        return row is { } r ? Parsed.GetOrAdd(r.Hash, _ => Ruleset.Parse(r.Content)) : Ruleset.Embedded;
    }

    public static Ruleset Parse(string hash, string content) => Parsed.GetOrAdd(hash, _ => Ruleset.Parse(content));
}
