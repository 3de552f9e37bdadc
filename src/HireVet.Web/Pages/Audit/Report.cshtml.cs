using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HireVet.Web.Pages.Audit;

/// <summary>The decision as a printable report: the same content as the decision page, laid out for paper (the print
/// stylesheet drops the navigation and prints black on white), and the source of the PDF.</summary>
public sealed class ReportModel(IMediator mediator, TimeProvider clock) : PageModel
{
    public DecisionView View { get; private set; } = null!;
    public bool Missing { get; private set; }
    public DateTimeOffset GeneratedAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        GeneratedAt = clock.GetUtcNow();
        var loaded = await DecisionView.LoadAsync(mediator, id, printable: true, ct);
        if (loaded is null)
        {
            Missing = true;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        View = loaded;
        return Page();
    }
}
