using HireVet.Web.Reports;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HireVet.Web.Pages.Audit;

/// <summary>One decision for an auditor: the assessment snapshot, the justifications, the dossier revision and the
/// audit records with their place in the verified chain. Read only.</summary>
public sealed class DecisionModel(IMediator mediator, ReportPdf pdf) : PageModel
{
    public DecisionView View { get; private set; } = null!;
    public bool Missing { get; private set; }
    public bool PdfAvailable => pdf.Available;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var loaded = await DecisionView.LoadAsync(mediator, id, printable: false, ct);
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
