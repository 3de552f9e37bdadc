using FluentValidation;
using HireVet.Application.Access;
using HireVet.Application.Common.Errors;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HireVet.Web.Pages.Admin;

/// <summary>Admins list the API keys (50 to a page), create one with a role, and revoke one. A new key is shown on the
/// answer to the form's POST only (not stored in TempData, not redirected to, not cached), never again.</summary>
public sealed class ApiKeysModel(IMediator mediator) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(Name = "p", SupportsGet = true)] public int PageNumber { get; set; } = 1;
    [BindProperty] public string? NewName { get; set; }
    [BindProperty] public string? NewRole { get; set; }
    /// <summary>The name of the key acted on, for the message only (the command goes by id).</summary>
    [BindProperty] public string? Name { get; set; }

    public ListApiKeys.Item[] Keys { get; private set; } = [];
    public bool HasNextPage { get; private set; }
    public FieldErrors Errors { get; } = new();
    public string? ActionError { get; private set; }
    public CreateApiKey.Response? Created { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        try
        {
            Created = await mediator.Send(new CreateApiKey.Command { Name = NewName?.Trim(), Role = NewRole }, ct);
            Response.Headers.CacheControl = "no-store"; // the key is in this answer: no copy in any cache
            PageNumber = 1;
            NewName = null;
            NewRole = null;
        }
        catch (ValidationException e)
        {
            Errors.Add(e);
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(long id, CancellationToken ct)
    {
        try
        {
            await mediator.Send(new RevokeApiKey.Command(id), ct);
            TempData["Flash"] = $"API key {Name} is revoked: requests with it are refused.";
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
        var rows = await mediator.Send(new ListApiKeys.Query(PageSize + 1, (PageNumber - 1) * PageSize), ct);
        HasNextPage = rows.Length > PageSize;
        Keys = rows.Take(PageSize).ToArray();
    }
}
