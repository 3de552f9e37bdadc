using HireVet.Application.Audit;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HireVet.Web.Pages.Audit;

/// <summary>For auditors: whether the audit hash chain is intact, and every decision with the assessment behind it.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(Name = "p", SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public VerifyAuditChain.Response Chain { get; private set; } = new();
    public ListDecisions.Item[] Decisions { get; private set; } = [];
    public bool HasNextPage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Clamp(PageNumber, 1, 1_000_000);
        Chain = await mediator.Send(new VerifyAuditChain.Query(), ct);
        // One extra row tells whether there is a next page.
        var rows = await mediator.Send(new ListDecisions.Query(Limit: PageSize + 1, Offset: (PageNumber - 1) * PageSize), ct);
        HasNextPage = rows.Length > PageSize;
        Decisions = rows.Take(PageSize).ToArray();
    }
}
