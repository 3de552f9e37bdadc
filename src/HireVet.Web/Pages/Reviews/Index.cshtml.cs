using System.Globalization;
using FluentValidation;
using HireVet.Application.Common.Errors;
using HireVet.Application.Reviews;
using HireVet.Application.Vetting.Scoring;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HireVet.Web.Pages.Reviews;

/// <summary>The security reviewer's workbench: the queue filtered, sorted and paged by GET parameters (so a view can
/// be bookmarked), claims taken and released from its rows, and the four-eyes inbox (others' decisions to approve,
/// the reviewer's own waiting for someone else).</summary>
public sealed class IndexModel(IMediator mediator, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;
    public static readonly int[] WaitingChoices = [1, 3, 7, 14];

    [BindProperty(SupportsGet = true)] public string? Band { get; set; }
    [BindProperty(SupportsGet = true)] public string? Indicator { get; set; }
    [BindProperty(SupportsGet = true)] public string? Waiting { get; set; }
    [BindProperty(SupportsGet = true)] public string? Assignee { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(Name = "p", SupportsGet = true)] public string? PageText { get; set; }

    /// <summary>Null when a filter is invalid: the page then names the field instead of showing a queue it was not asked for.</summary>
    public GetReviewQueue.Response? Queue { get; private set; }
    /// <summary>Invalid filters by field (the form's field ids), in the form's order.</summary>
    public IReadOnlyList<(string Field, string Message)> FilterErrors { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public GetPendingApprovals.Item[] Approvals { get; private set; } = [];
    public GetPendingApprovals.Item[] MineAwaiting { get; private set; } = [];
    public ListReviewers.Item[] Reviewers { get; private set; } = [];
    public IReadOnlyList<string> KnownIndicators => Ruleset.Embedded.Indicators;
    public DateTimeOffset Now { get; private set; }

    /// <summary>What the last claim or release did, or why it failed (carried over the redirect in TempData).</summary>
    public string? Flash { get; private set; }
    public string? ActionError { get; private set; }

    public string Me => User.Identity?.Name ?? "";
    public int PageCount => Queue is null || Queue.Total == 0 ? 1 : (Queue.Total + PageSize - 1) / PageSize;
    public bool Filtered => !string.IsNullOrEmpty(Band) || !string.IsNullOrEmpty(Indicator) || !string.IsNullOrEmpty(Waiting)
                            || Assignee is { Length: > 0 } and not GetReviewQueue.Anyone;

    private static readonly string[] FieldOrder = ["band", "indicator", "waiting", "assignee", "sort", "p"];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Normalize();
        Now = clock.GetUtcNow();
        var errors = new List<(string Field, string Message)>();
        if (!string.IsNullOrEmpty(PageText))
        {
            if (int.TryParse(PageText, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1
                && (long)(page - 1) * PageSize <= GetReviewQueue.MaxOffset)
                PageNumber = page;
            else errors.Add(("p", $"'p' must be a page number from 1 to {GetReviewQueue.MaxOffset / PageSize + 1}."));
        }
        try
        {
            Queue = await mediator.Send(new GetReviewQueue.Query
            {
                Band = Band, Indicator = Indicator, Waiting = Waiting, Assignee = Assignee, Sort = Sort,
                Limit = PageSize, Offset = (PageNumber - 1) * PageSize,
            }, ct);
        }
        catch (ValidationException e)
        {
            errors.AddRange(e.Errors.Select(f => (f.PropertyName, f.ErrorMessage)));
        }
        if (errors.Count > 0)
        {
            Queue = null;
            FilterErrors = [.. errors.DistinctBy(e => e.Field).OrderBy(e => Array.IndexOf(FieldOrder, e.Field))];
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else if (Request.QueryString.Value is { Length: > 0 } asked && asked != QueryString(PageNumber))
        {
            // Empty and default fields (what a submitted form sends) are dropped, so the address is the view's short name.
            return Redirect(Link(PageNumber));
        }

        Approvals = await mediator.Send(new GetPendingApprovals.Query(), ct);
        MineAwaiting = await mediator.Send(new GetPendingApprovals.Query(Mine: true), ct);
        Reviewers = await mediator.Send(new ListReviewers.Query(), ct);
        ActionError = TempData["ActionError"] as string;
        // The flash names the candidate from the row it is about; a row this view no longer shows is named by its id.
        if (TempData["Flash"] is string flash && TempData["ActedOn"] is string actedOn)
            Flash = flash.Replace("{candidate}", Queue?.Items.FirstOrDefault(i => i.Id.ToString(CultureInfo.InvariantCulture) == actedOn)?.LegalName
                ?? $"candidate {actedOn} (no longer in this view)", StringComparison.Ordinal);
        return Page();
    }

    public Task<IActionResult> OnPostClaimAsync(long candidateId, CancellationToken ct) =>
        Act(candidateId, new ClaimCandidate.Command(candidateId), "You claimed {candidate}.", ct);

    public Task<IActionResult> OnPostReleaseAsync(long candidateId, CancellationToken ct) =>
        Act(candidateId, new ClaimCandidate.Command(candidateId, Release: true), "You released {candidate} back to the queue.", ct);

    /// <summary>Claims or releases, then back to the same filtered page, at the row (Post/Redirect/Get, also on failure).</summary>
    private async Task<IActionResult> Act(long candidateId, ClaimCandidate.Command command, string done, CancellationToken ct)
    {
        Normalize();
        try
        {
            await mediator.Send(command, ct);
            TempData["Flash"] = done;
            TempData["ActedOn"] = candidateId.ToString(CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is ConflictException or NotFoundException)
        {
            TempData["ActionError"] = e.Message;
        }
        var page = int.TryParse(PageText, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p >= 1 ? p : 1;
        return Redirect(Link(page) + $"#candidate-{candidateId}");
    }

    private void Normalize()
    {
        Indicator = Indicator?.Trim().ToUpperInvariant();
        Waiting = Waiting?.Trim();
        if (Assignee == GetReviewQueue.Anyone) Assignee = null;
        if (Sort == GetReviewQueue.Score) Sort = null;
    }

    /// <summary>This view's address on another page.</summary>
    public string Link(int page) => "/reviews" + QueryString(page);

    /// <summary>The view with another sort (back to page 1).</summary>
    public string QueryString(int page)
    {
        var fields = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value)) fields.Add($"{name}={Uri.EscapeDataString(value)}");
        }
        Add("band", Band);
        Add("indicator", Indicator);
        Add("waiting", Waiting);
        Add("assignee", Assignee);
        Add("sort", Sort);
        if (page > 1) Add("p", page.ToString(CultureInfo.InvariantCulture));
        return fields.Count == 0 ? "" : "?" + string.Join('&', fields);
    }

    public string? ErrorFor(string field) => FilterErrors.FirstOrDefault(e => e.Field == field).Message;

    /// <summary>Who holds the claim, as the row says it.</summary>
    public string ClaimedByText(GetReviewQueue.Item item) =>
        item.ClaimedBy is null ? "Unclaimed"
        : item.ClaimedBy == Me ? "Claimed by you"
        : item.ClaimedByName is { } name && name != item.ClaimedBy ? $"Claimed by {name} ({item.ClaimedBy})"
        : $"Claimed by {item.ClaimedBy}";
}
