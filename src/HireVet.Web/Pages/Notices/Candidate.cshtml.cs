using FluentValidation;
using HireVet.Application.Common.Errors;
using HireVet.Application.Common.Security;
using HireVet.Application.Notices;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HireVet.Web.Pages.Notices;

/// <summary>A candidate's letters: security reviewers preview the letter the decision calls for and record it as sent,
/// record the candidate's response, and make a pending rejection final after the waiting period; auditors read
/// everything; HR sees that notices were sent and their state.</summary>
public sealed class CandidateModel(IMediator mediator) : PageModel
{
    public GetCandidateNotices.Response Notices { get; private set; } = null!;
    public bool Missing { get; private set; }
    public string? ActionError { get; private set; }

    [BindProperty] public string? Channel { get; set; }
    [BindProperty] public string? ResponseText { get; set; }
    [BindProperty] public string? ResponseChannel { get; set; }
    [BindProperty] public string? Justification { get; set; }

    public bool IsSecurity => User.IsInRole(Roles.Security);
    public bool IsHr => User.IsInRole(Roles.Hr);

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => Show(id, ct);

    public Task<IActionResult> OnPostSendAsync(long id, CancellationToken ct) =>
        Act(id, new RecordNoticeSent.Command { CandidateId = id, Channel = Channel }, "The letter was recorded as sent.", ct);

    public Task<IActionResult> OnPostRespondAsync(long id, CancellationToken ct) =>
        Act(id, new RecordNoticeResponse.Command { CandidateId = id, ResponseText = ResponseText, Channel = ResponseChannel },
            "The response was recorded; the candidate is back in the review queue for a new decision.", ct);

    public Task<IActionResult> OnPostFinaliseAsync(long id, CancellationToken ct) =>
        Act(id, new FinaliseRejection.Command { CandidateId = id, Justification = Justification }, "The rejection is final.", ct);

    private async Task<IActionResult> Show(long id, CancellationToken ct)
    {
        try
        {
            Notices = await mediator.Send(new GetCandidateNotices.Query(id), ct);
        }
        catch (NotFoundException)
        {
            Missing = true;
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }

    /// <summary>The folder lets HR and auditors read this page, so actions check the role here.</summary>
    private async Task<IActionResult> Act<T>(long id, IRequest<T> command, string done, CancellationToken ct)
    {
        if (!IsSecurity) return Forbid();
        try
        {
            await mediator.Send(command, ct);
            TempData["Flash"] = done;
            return RedirectToPage("/Notices/Candidate", new { id });
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
