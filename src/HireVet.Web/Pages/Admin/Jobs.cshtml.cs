using FluentValidation;
using HireVet.Application.Checks;
using HireVet.Application.Jobs;
using HireVet.Application.Rescreening;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HireVet.Web.Pages.Admin;

/// <summary>Admins see the job engine (schedules with their last and next run, queue depths, every node's servers), the
/// recent re-screening runs with their progress and failed batches, start a run now and run a schedule now; both are
/// audited commands.</summary>
public sealed class JobsModel(IMediator mediator) : PageModel
{
    public const int RunsShown = 20;

    public ListSchedules.Response Scheduler { get; private set; } = new();
    public IReadOnlyList<ListRescreenRuns.Run> Runs { get; private set; } = [];
    public string? ActionError { get; private set; }

    [BindProperty] public string Kind { get; set; } = "incremental";
    [BindProperty] public string Schedule { get; set; } = "";

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostStartAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        // A node with jobs disabled enqueues nothing: its run would wait for another node's sweep.
        if (!Scheduler.RunningOnThisNode)
        {
            ActionError = $"This node does not enqueue jobs ({Display.Words(Scheduler.Status)}): start the run from a node with jobs enabled.";
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

    public async Task<IActionResult> OnPostRunNowAsync(CancellationToken ct)
    {
        try
        {
            var triggered = await mediator.Send(new TriggerSchedule.Command(Schedule), ct);
            TempData["Flash"] = $"Enqueued {triggered.Schedule} now (job {triggered.JobId}).";
            return RedirectToPage();
        }
        catch (Exception e) when (e is ValidationException or HireVet.Application.Common.Errors.NotFoundException)
        {
            await LoadAsync(ct);
            ActionError = e is ValidationException v ? string.Join(" ", v.Errors.Select(error => error.ErrorMessage).Distinct()) : $"There is no schedule '{Schedule}'.";
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Scheduler = await mediator.Send(new ListSchedules.Query(), ct);
        Runs = await mediator.Send(new ListRescreenRuns.Query(RunsShown), ct);
    }
}
