using Dapper;
using HireVet.Application.Common.Data;

namespace HireVet.Application.Notices;

/// <summary>HR submitting an updated dossier for a candidate with an open notice is the candidate's response: it is
/// recorded against the latest notice of the current decision (the dossier store then sends the candidate to vetting
/// and from there back to review).</summary>
public static class NoticeResponses
{
    private const string UpdatedDossierSql = """
        insert into notice_responses (notice_id, candidate_id, kind, response_text, recorded_by, received_at)
        select n.id, v.candidate_id, 'updated_dossier', 'HR submitted an updated dossier (revision ' || v.revision || ').', @SubmittedBy, @Now
        from unnest(@CandidateIds, @Revisions) as v(candidate_id, revision)
        cross join lateral (
          select n.id from candidate_notices n
          where n.decision_id = (select max(d.id) from decisions d where d.candidate_id = v.candidate_id)
          order by n.id desc limit 1) n
        """;

    /// <summary>For the revised candidates whose status was one a notice waits in (callers pass only those).</summary>
    public static async Task RecordUpdatedDossiersAsync(IDbSession db, IReadOnlyCollection<(long CandidateId, int Revision)> revised,
        string submittedBy, DateTimeOffset now, CancellationToken ct)
    {
        if (revised.Count == 0) return;
        await db.Connection.ExecuteAsync(new CommandDefinition(UpdatedDossierSql, new
        {
            CandidateIds = revised.Select(r => r.CandidateId).ToArray(), Revisions = revised.Select(r => r.Revision).ToArray(),
            SubmittedBy = submittedBy, Now = now,
        }, db.Transaction, cancellationToken: ct));
    }

    public static bool WaitsForResponse(string status) => status is NoticeStage.RejectionPending or NoticeStage.InformationRequested;
}
