using FluentValidation;
using HireVet.Application.Monitoring;
using HireVet.Application.Vetting;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HireVet.Web.Pages.Admin;

/// <summary>Admins see the scheduler (schedules with their last and next fire, the cluster's nodes), the recent
/// re-screening runs with their progress and failed batches, and start a run now.</summary>
public sealed class JobsModel(IMediator mediator) : PageModel
{
    public const int RunsShown = 20;

    public ListSchedules.Response Scheduler { get; private set; } = new();
    public IReadOnlyList<ListRescreenRuns.Run> Runs { get; private set; } = [];
    public string? ActionError { get; private set; }

    [BindProperty] public string Kind { get; set; } = "incremental";

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostStartAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        // The batches of a run started here are handed to this node's scheduler; without one they would never run.
        if (!Scheduler.RunningOnThisNode)
        {
            ActionError = $"The scheduler is not running on this node ({Display.Words(Scheduler.Status)}), so a run started here would never be scheduled.";
            return Page();
        }
        try
        {
            var started = await mediator.Send(new StartRescreen.Command(Kind, "manual"), ct);
            TempData["Flash"] = started.RunId is { } id
                ? $"Started run {id} ({started.Kind}): {Wording.Plural(started.Subjects, "subject", "subjects")} in {Wording.Plural(started.Batches, "batch", "batches")}."
                : started.Kind == "full"
                    ? "Nothing to re-screen: there is no active worker or open candidate, so no run was started."
                    : "Nothing to re-screen: no worker has new events and the reference data is unchanged, so no run was started.";
            return RedirectToPage();
        }
        catch (ValidationException e)
        {
            ActionError = string.Join(" ", e.Errors.Select(error => error.ErrorMessage).Distinct());
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Scheduler = await mediator.Send(new ListSchedules.Query(), ct);
        Runs = await mediator.Send(new ListRescreenRuns.Query(RunsShown), ct);
    }
}
