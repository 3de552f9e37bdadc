using FluentValidation;
using HireVet.Application.Candidates;
using HireVet.Application.Checks;
using HireVet.Application.Common.Errors;
using HireVet.Application.Common.Security;
using HireVet.Application.Dossiers;
using HireVet.Application.Reviews;
using HireVet.Application.Rulesets;
using HireVet.Application.Vetting;
using HireVet.Application.Vetting.Scoring;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HireVet.Web.Pages.Candidates;

/// <summary>One candidate or hired worker: the reviewer's workbench. Everyone who may read candidates sees it
/// (GetCandidate and the timeline hide the assessment and reviewers' words from HR); security reviewers also claim,
/// decide and approve here, and move through a ring from its link graph.</summary>
public sealed class DetailsModel(IMediator mediator, IIndicatorCatalogue catalogue) : PageModel
{
    public GetCandidate.Response Candidate { get; private set; } = null!;
    public string? ActionError { get; private set; }
    /// <summary>The ring of linked candidates (not shown to HR).</summary>
    public CandidateGraph.Graph? Links { get; private set; }
    public GetCandidateTimeline.Response Timeline { get; private set; } = null!;
    /// <summary>Where the IPs were seen against the claimed country (not shown to HR).</summary>
    public GetCandidateLocations.Response? Locations { get; private set; }
    /// <summary>How the latest assessment's score came about (not shown to HR).</summary>
    public ScoreBreakdown.Result? Breakdown { get; private set; }
    /// <summary>The ruleset the latest assessment names, when HireVet holds it.</summary>
    public Ruleset? AssessmentRuleset { get; private set; }
    /// <summary>The latest assessment against the one before it (not shown to HR).</summary>
    public AssessmentComparison.Result? Comparison { get; private set; }
    public IIndicatorCatalogue Catalogue => catalogue;

    /// <summary>The timeline's page (query string <c>timeline</c>).</summary>
    [BindProperty(SupportsGet = true, Name = "timeline")] public int TimelinePage { get; set; } = 1;
    /// <summary>No candidate has the id: the page says so (with status 404) instead of an API-style error body.</summary>
    public bool Missing { get; private set; }

    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public string? Justification { get; set; }
    [BindProperty] public long DecisionId { get; set; }
    [BindProperty] public string? Verdict { get; set; }
    [BindProperty] public string? ApprovalJustification { get; set; }

    public string Me => User.Identity?.Name ?? "";
    public bool IsSecurity => User.IsInRole(Roles.Security);
    public bool IsHr => User.IsInRole(Roles.Hr);

    /// <summary>The decision the candidate's status depends on (decisions come newest first).</summary>
    public GetCandidate.DecisionView? LatestDecision => Candidate.Decisions.FirstOrDefault();

    public bool CanClaim => IsSecurity && Candidate.Status == "review" && Candidate.ClaimedBy != Me;
    public bool CanDecide => IsSecurity && Candidate.Status == "review" && Candidate.ClaimedBy == Me;
    public bool AwaitsApproval => Candidate.Status == "awaiting_approval" && LatestDecision is { RequiresApproval: true, ApprovalVerdict: null };
    public bool CanApprove => IsSecurity && AwaitsApproval && LatestDecision!.DecidedBy != Me;
    public bool WaitsForSecondReviewer => IsSecurity && AwaitsApproval && LatestDecision!.DecidedBy == Me;

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => Show(id, ct);

    public Task<IActionResult> OnPostClaimAsync(long id, CancellationToken ct) => Act(id, new ClaimCandidate.Command(id), ct);

    public Task<IActionResult> OnPostReleaseAsync(long id, CancellationToken ct) => Act(id, new ClaimCandidate.Command(id, Release: true), ct);

    public Task<IActionResult> OnPostDecideAsync(long id, CancellationToken ct) =>
        Act(id, new DecideCandidate.Command { CandidateId = id, Outcome = Outcome, Justification = Justification }, ct);

    public Task<IActionResult> OnPostReviewDecisionAsync(long id, CancellationToken ct) =>
        Act(id, new ReviewDecision.Command { DecisionId = DecisionId, Verdict = Verdict, Justification = ApprovalJustification }, ct);

    private async Task<IActionResult> Show(long id, CancellationToken ct)
    {
        try
        {
            Candidate = await mediator.Send(new GetCandidate.Query(id), ct);
            Timeline = await mediator.Send(new GetCandidateTimeline.Query(id, Math.Clamp(TimelinePage, 1, 10_000)), ct);
            if (IsHr) return Page();
            Links = await mediator.Send(new GetCandidateLinks.Query(id), ct);
            Locations = await mediator.Send(new GetCandidateLocations.Query(id), ct);
            if (Candidate.LatestAssessment is { } latest)
            {
                AssessmentRuleset = await mediator.Send(new GetRulesetVersion.Query(latest.RulesetVersion, latest.RulesetHash), ct);
                Breakdown = ScoreBreakdown.Explain(latest.Score, latest.Signals, latest.Trace, AssessmentRuleset);
                if (Candidate.PreviousAssessment is { } previous)
                    Comparison = AssessmentComparison.Compare(
                        new(previous.Score, previous.Band, previous.RulesetVersion, previous.Signals),
                        new(latest.Score, latest.Band, latest.RulesetVersion, latest.Signals));
            }
            return Page();
        }
        catch (NotFoundException)
        {
            Missing = true;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
    }

    /// <summary>Runs a reviewer's command, then shows the candidate again: redirected on success, with the reason
    /// (and what was typed) on failure. The folder lets HR and auditors read this page, so actions check the role here.</summary>
    private async Task<IActionResult> Act<T>(long id, IRequest<T> command, CancellationToken ct)
    {
        if (!IsSecurity) return Forbid();
        try
        {
            await mediator.Send(command, ct);
            return RedirectToPage("/Candidates/Details", new { id });
        }
        catch (ValidationException e)
        {
            ActionError = string.Join(" ", e.Errors.Select(error => error.ErrorMessage).Distinct());
        }
        catch (Exception e) when (e is ConflictException or ForbiddenException or NotFoundException)
        {
            ActionError = e.Message;
        }
        return await Show(id, ct);
    }
}
