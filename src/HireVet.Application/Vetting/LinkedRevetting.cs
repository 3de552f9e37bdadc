using Dapper;
using HireVet.Application.Common.Data;
using HireVet.Application.Dossiers;
using HireVet.Application.ReferenceData;
using HireVet.Application.ReferenceData.Network;

namespace HireVet.Application.Vetting;

/// <summary>Some checks read other candidates: the ring check their status, the referral check the referrer's status
/// and band. When those change, the candidates reading them are marked pending in the same transaction and vetted again
/// after commit (a candidate already pending is left to the vetting already due).</summary>
public static class LinkedRevetting
{
    private const string MarkPendingSql = """
        update candidates set vetting_status = 'pending', vetting_requested_at = @Now
        where id = any(@Ids) and vetting_status = 'completed'
        returning id
        """;

    private const string ReferredSql = "select id from candidates where referrer_external_id = @ExternalId";

    public static async Task<long[]> ReferredByAsync(IDbSession db, string externalId, CancellationToken ct) =>
        [.. await db.Connection.QueryAsync<long>(new CommandDefinition(ReferredSql, new { ExternalId = externalId }, db.Transaction, cancellationToken: ct))];

    /// <summary>Marks the candidates pending and schedules their vetting after commit (unless the caller vets them
    /// itself, as a bulk import does; the sweep is the safety net); returns those marked.</summary>
    public static async Task<long[]> RevetAsync(IDbSession db, IAfterCommit afterCommit, IVettingScheduler scheduler,
        IEnumerable<long> candidateIds, DateTimeOffset now, CancellationToken ct, bool schedule = true)
    {
        var ids = candidateIds.Distinct().ToArray();
        if (ids.Length == 0) return [];
        var marked = (await db.Connection.QueryAsync<long>(new CommandDefinition(MarkPendingSql, new { Ids = ids, Now = now },
            db.Transaction, cancellationToken: ct))).ToArray();
        if (marked.Length > 0 && schedule) afterCommit.Enqueue(scheduler.RequestAsync);
        return marked;
    }

    /// <summary>A human's final decision changed what the candidate's ring members and the candidates it referred read
    /// (a rejected member raises them, a cleared referrer no longer does): they are vetted again.</summary>
    public static async Task<long[]> RevetRingAndReferredAsync(IDbSession db, IAfterCommit afterCommit, IVettingScheduler scheduler,
        IReferenceData referenceData, long candidateId, string externalId, DateTimeOffset now, CancellationToken ct)
    {
        var ring = await CandidateGraph.ComponentAsync(db, candidateId, referenceData.Current.Get<NetworkIntelligence>(Datasets.Network), ct);
        return await RevetAsync(db, afterCommit, scheduler,
            ring.Nodes.Select(n => n.Id).Where(id => id != candidateId).Concat(await ReferredByAsync(db, externalId, ct)), now, ct);
    }
}
