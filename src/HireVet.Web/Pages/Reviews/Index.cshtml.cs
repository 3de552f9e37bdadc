using HireVet.Application.Reviews;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HireVet.Web.Pages.Reviews;

/// <summary>The security reviewer's desk: candidates waiting for a decision, and other reviewers' decisions waiting
/// for a second approval.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public GetReviewQueue.Item[] Queue { get; private set; } = [];
    public GetPendingApprovals.Item[] Approvals { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Queue = await mediator.Send(new GetReviewQueue.Query(Limit: 200), ct);
        Approvals = await mediator.Send(new GetPendingApprovals.Query(), ct);
    }
}
