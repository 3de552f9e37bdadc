using HireVet.Application.Common.Errors;
using HireVet.Application.Notices;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HireVet.Web.Pages.Notices;

/// <summary>A notice exactly as it was sent, laid out to print (security reviewers and auditors).</summary>
public sealed class LetterModel(IMediator mediator) : PageModel
{
    public GetNotice.Response Notice { get; private set; } = null!;
    public bool Missing { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        try
        {
            Notice = await mediator.Send(new GetNotice.Query(id), ct);
        }
        catch (NotFoundException)
        {
            Missing = true;
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }
}
