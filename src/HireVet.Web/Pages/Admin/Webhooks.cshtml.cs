using FluentValidation;
using HireVet.Application.Common.Errors;
using HireVet.Application.Webhooks;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HireVet.Web.Pages.Admin;

/// <summary>Admins list the webhook subscriptions (their last delivery and failures), subscribe a URL to events (the
/// signing secret shown on the answer to that POST only, once), deactivate one, and read the delivery log, 50 to a page.</summary>
public sealed class WebhooksModel(IMediator mediator) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(Name = "p", SupportsGet = true)] public int PageNumber { get; set; } = 1;
    [BindProperty] public string? WebhookUrl { get; set; }
    [BindProperty] public string[] Events { get; set; } = [];

    public ListWebhooks.Response Webhooks { get; private set; } = new([], []);
    public bool HasNextPage { get; private set; }
    public FieldErrors Errors { get; } = new();
    public string? ActionError { get; private set; }
    public CreateWebhook.Response? Created { get; private set; }

    public string UrlOf(long subscriptionId) => Webhooks.Subscriptions.FirstOrDefault(s => s.Id == subscriptionId)?.Url ?? $"webhook {subscriptionId}";

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        try
        {
            Created = await mediator.Send(new CreateWebhook.Command { Url = WebhookUrl?.Trim(), Events = Events }, ct);
            Response.Headers.CacheControl = "no-store"; // the secret is in this answer: no copy in any cache
            (WebhookUrl, Events, PageNumber) = (null, [], 1);
        }
        catch (ValidationException e)
        {
            Errors.Add(e);
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeactivateAsync(long id, CancellationToken ct)
    {
        try
        {
            await mediator.Send(new DeactivateWebhook.Command(id), ct);
            TempData["Flash"] = $"Webhook {id} is deactivated: no new event is queued for it, and its pending deliveries are cancelled.";
            return RedirectToPage(new { p = PageNumber });
        }
        catch (Exception e) when (e is ConflictException or NotFoundException)
        {
            ActionError = e.Message;
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        PageNumber = Math.Clamp(PageNumber, 1, 100_000 / PageSize);
        var webhooks = await mediator.Send(new ListWebhooks.Query(PageSize + 1, (PageNumber - 1) * PageSize), ct);
        HasNextPage = webhooks.Deliveries.Count > PageSize;
        Webhooks = webhooks with { Deliveries = [.. webhooks.Deliveries.Take(PageSize)] };
    }
}
