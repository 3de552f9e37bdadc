using HireVet.Application.Audit;
using HireVet.Application.Common.Errors;
using MediatR;

namespace HireVet.Web.Pages.Audit;

/// <summary>What the decision page and its printable report both show: the decision with everything behind it, and
/// the chain as verified just now. <see cref="Printable"/> leaves out what only makes sense on screen.</summary>
public sealed record DecisionView(GetDecision.Response Decision, VerifyAuditChain.Response Chain, bool Printable)
{
    public enum LinkState { Verified, VerifiedBeforeBreak, Broken, AfterBreak, Unlinked }

    /// <summary>Whether the chain verifies at this record: its own link checks out (hash over its content, previous hash
    /// equal to the link before) and the walk of the whole chain from the first record got past it.</summary>
    public (LinkState State, string Text) ChainAt(GetDecision.AuditRecordView r)
    {
        if (r.Seq is not { } seq) return (LinkState.Unlinked, "Not linked into the chain yet (the chain writer links records within a second).");
        if (r.HashMatches == false) return (LinkState.Broken, "Broken: its content does not match its hash (it was changed).");
        if (r.LinkMatches == false) return (LinkState.Broken, "Broken: its link does not match the previous record's hash.");
        if (Chain.Valid && seq > Chain.ThroughSeq)
            return (LinkState.VerifiedBeforeBreak, $"Its own link checks out; it was linked (record {seq}) after the walk above, which the next check covers.");
        if (Chain.Valid && Chain.ContinuedFrom is { } walk && seq <= walk.ThroughSeq)
            return (LinkState.Verified, $"Verified: the chain checks out from record 1 through this one (record {seq}), as walked in full at {Display.Time(walk.WalkedAt)}.");
        if (Chain.Valid) return (LinkState.Verified, $"Verified: the chain checks out from record 1 through this one (record {seq}).");
        if (Chain.FirstBrokenSeq is { } broken)
        {
            if (seq < broken) return (LinkState.VerifiedBeforeBreak, $"Verified through this record; the chain breaks later, at record {broken}.");
            if (seq == broken) return (LinkState.Broken, $"Broken here: {Chain.Problem}");
            return (LinkState.AfterBreak, $"Untrusted: the chain is broken before it, at record {broken}.");
        }
        // Every link checks out, but a record outside the chain was found (taken out of the queue).
        return (LinkState.VerifiedBeforeBreak, $"Its link checks out; the chain has a problem elsewhere (record id {Chain.FirstBrokenId}).");
    }

    /// <summary>The chain verified first (which links whatever waits), from the latest intact full walk, then the
    /// decision; null when there is none.</summary>
    public static async Task<DecisionView?> LoadAsync(IMediator mediator, long id, bool printable, CancellationToken ct)
    {
        var chain = await mediator.Send(new VerifyAuditChain.Query { SinceLastWalk = true }, ct);
        try
        {
            return new DecisionView(await mediator.Send(new GetDecision.Query(id), ct), chain, printable);
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    public static string OutcomeLabel(string outcome) => outcome switch
    {
        "clear" => "Clear",
        "reject" => "Reject",
        "request_information" => "Request information",
        "policy_violation" => "Policy violation — not suspected fraud",
        _ => Display.Words(outcome),
    };

    public static string TraceOutcome(string outcome) => outcome switch
    {
        "fired" => "Fired",
        "not_fired" => "Not fired",
        "not_evaluated" => "Not evaluated",
        _ => Display.Words(outcome),
    };
}

/// <summary>The report as a standalone document (for the PDF): the view, when and by whom, and the stylesheet's text.</summary>
public sealed record ReportDocument(DecisionView View, DateTimeOffset GeneratedAt, string GeneratedBy, string Css);
