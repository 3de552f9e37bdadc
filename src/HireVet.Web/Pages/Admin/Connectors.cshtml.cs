using FluentValidation;
using HireVet.Application.Common.Errors;
using HireVet.Application.Connectors;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HireVet.Web.Pages.Admin;

/// <summary>Admins add a connector (the kind chosen first, then its settings and secrets; the secrets HireVet generates
/// shown on the answer only, once), test, pull now, pause, resume or remove one, and read a connector's log.</summary>
public sealed class ConnectorsModel(IMediator mediator, IConnectorJobs jobs) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(Name = "log", SupportsGet = true)] public long? LogOf { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public Dictionary<string, string?> Settings { get; set; } = [];
    [BindProperty] public Dictionary<string, string?> Secrets { get; set; } = [];

    public IReadOnlyList<ListConnectors.Summary> Connectors { get; private set; } = [];
    public IReadOnlyList<GetConnectorLog.Entry> Log { get; private set; } = [];
    public ConnectorKinds.Kind? ChosenKind => ConnectorKinds.Find(Kind);
    public FieldErrors Errors { get; } = new();
    public string? ActionError { get; private set; }
    public AddConnector.Response? Added { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        try
        {
            Added = await mediator.Send(new AddConnector.Command { Kind = Kind, Name = Name?.Trim(), Settings = Settings, Secrets = Secrets }, ct);
            Response.Headers.CacheControl = "no-store"; // generated secrets are in this answer: no copy in any cache
            (Kind, Name, Settings, Secrets) = (null, null, [], []);
        }
        catch (ValidationException e)
        {
            Errors.Add(e);
        }
        catch (ConflictException e)
        {
            ActionError = e.Message;
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostTestAsync(long id, CancellationToken ct)
    {
        var result = await ActAsync(() => mediator.Send(new TestConnector.Command(id), ct));
        if (result is TestConnector.Response tested)
            TempData["Flash"] = tested.Ok ? $"Connector {id}: the vendor answered as it should." : $"Connector {id}: the test failed: {tested.Problem}";
        return await AfterAsync(id, ct);
    }

    public async Task<IActionResult> OnPostPullAsync(long id, CancellationToken ct)
    {
        await jobs.PullAsync(id, ct);
        TempData["Flash"] = $"Connector {id}: a pull is queued; its pages appear in the log.";
        return await AfterAsync(id, ct);
    }

    public Task<IActionResult> OnPostPauseAsync(long id, CancellationToken ct) => ChangeAsync(id, ChangeConnectorStatus.Paused, "paused", ct);
    public Task<IActionResult> OnPostResumeAsync(long id, CancellationToken ct) => ChangeAsync(id, ChangeConnectorStatus.Active, "resumed", ct);
    public Task<IActionResult> OnPostRemoveAsync(long id, CancellationToken ct) => ChangeAsync(id, ChangeConnectorStatus.Removed, "removed; its secrets are erased", ct);

    private async Task<IActionResult> ChangeAsync(long id, string status, string done, CancellationToken ct)
    {
        if (await ActAsync(() => mediator.Send(new ChangeConnectorStatus.Command(id, status), ct)) is not null)
            TempData["Flash"] = $"Connector {id} is {done}.";
        return await AfterAsync(id, ct);
    }

    private async Task<object?> ActAsync<T>(Func<Task<T>> action)
    {
        try { return await action(); }
        catch (Exception e) when (e is NotFoundException or ConflictException)
        {
            ActionError = e.Message;
            return null;
        }
    }

    private async Task<IActionResult> AfterAsync(long id, CancellationToken ct)
    {
        if (ActionError is null) return RedirectToPage(new { log = id });
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Connectors = await mediator.Send(new ListConnectors.Query(), ct);
        if (LogOf is { } id && Connectors.Any(c => c.Id == id)) Log = await mediator.Send(new GetConnectorLog.Query(id, 50), ct);
    }
}
