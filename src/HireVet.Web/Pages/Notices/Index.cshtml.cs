using HireVet.Application.Notices;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HireVet.Web.Pages.Notices;

/// <summary>Open notices and waiting periods: letters to send, waiting periods running, pending rejections ready to
/// finalise, final rejections owed the adverse action notice, responses, and every notice sent; 50 to a page.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Filter { get; set; }
    [BindProperty(Name = "p", SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public ListNotices.Item[] Items { get; private set; } = [];
    public bool HasNextPage { get; private set; }

    public static readonly (string Value, string Label)[] FilterLabels =
    [
        ("open", "Open: letters to send and waiting periods"),
        ("ready", "Ready to finalise"),
        ("final", "Final letters to send"),
        ("responded", "Responded"),
        ("sent", "Every notice sent"),
    ];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!ListNotices.Filters.Contains(Filter)) Filter = "open";
        PageNumber = Math.Clamp(PageNumber, 1, 100_000 / PageSize);
        var rows = await mediator.Send(new ListNotices.Query(Filter, PageSize + 1, (PageNumber - 1) * PageSize), ct);
        HasNextPage = rows.Length > PageSize;
        Items = rows.Take(PageSize).ToArray();
    }

    public string PageLink(int page) => $"/notices?filter={Uri.EscapeDataString(Filter ?? "open")}&p={page}";
}
