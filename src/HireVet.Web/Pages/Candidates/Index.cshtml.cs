using HireVet.Application.Candidates;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HireVet.Web.Pages.Candidates;

/// <summary>All candidates, newest first, optionally filtered by status, 50 to a page.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(Name = "p", SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public ListCandidates.Item[] Candidates { get; private set; } = [];
    public bool HasNextPage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!ListCandidates.Statuses.Contains(Status)) Status = null;
        PageNumber = Math.Clamp(PageNumber, 1, 100_000 / PageSize);
        // One extra row tells whether there is a next page.
        var rows = await mediator.Send(new ListCandidates.Query(Status, PageSize + 1, (PageNumber - 1) * PageSize), ct);
        HasNextPage = rows.Length > PageSize;
        Candidates = rows.Take(PageSize).ToArray();
    }

    public string PageLink(int page) =>
        Status is null ? $"/candidates?p={page}" : $"/candidates?status={Uri.EscapeDataString(Status)}&p={page}";
}
