using FluentValidation;
using HireVet.Application.Access;
using HireVet.Application.Common.Errors;
using HireVet.Web.Errors;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HireVet.Web.Pages.Admin;

/// <summary>Admins list the local users (50 to a page), create one with a role and a password (the rules CreateUser
/// enforces), disable or enable a user, and unlock a user locked out after repeated wrong passwords.</summary>
public sealed class UsersModel(IMediator mediator, SignInPolicy policy) : PageModel
{
    public const int PageSize = 50;

    public SignInPolicy Policy => policy;

    public sealed class NewUser
    {
        public string? Username { get; set; }
        public string? DisplayName { get; set; }
        public string? Role { get; set; }
        public string? Password { get; set; }
    }

    [BindProperty(Name = "p", SupportsGet = true)] public int PageNumber { get; set; } = 1;
    [BindProperty] public NewUser Form { get; set; } = new();

    public ListUsers.Item[] Users { get; private set; } = [];
    public bool HasNextPage { get; private set; }
    public FieldErrors Errors { get; } = new();
    public string? ActionError { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        try
        {
            await mediator.Send(new CreateUser.Command
            {
                Username = Form.Username?.Trim(), DisplayName = Form.DisplayName, Role = Form.Role, Password = Form.Password,
            }, ct);
            TempData["Flash"] = $"Created user {Form.Username?.Trim()} ({Form.Role}). They can sign in now.";
            return RedirectToPage(new { p = 1 });
        }
        catch (ValidationException e)
        {
            Errors.Add(e);
        }
        catch (Exception e) when (ProblemDetailsMapper.NameTaken(e) is { } taken)
        {
            Errors.Add(taken.Field, taken.Message);
        }
        Form.Password = null; // never sent back to the browser
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The username of the row acted on, for the message only (the command goes by id).</summary>
    [BindProperty] public string? Name { get; set; }

    public Task<IActionResult> OnPostDisableAsync(long id, CancellationToken ct) =>
        ActAsync(new DisableUser.Command(id), "is disabled: they cannot sign in, and their open sessions end at their next request", ct);

    public Task<IActionResult> OnPostUnlockAsync(long id, CancellationToken ct) =>
        ActAsync(new UnlockUser.Command(id), "is unlocked: they can sign in again now", ct);

    public Task<IActionResult> OnPostEnableAsync(long id, CancellationToken ct) =>
        ActAsync(new EnableUser.Command(id), "is enabled: they can sign in again", ct);

    private async Task<IActionResult> ActAsync(IRequest<Unit> command, string outcome, CancellationToken ct)
    {
        try
        {
            await mediator.Send(command, ct);
            TempData["Flash"] = $"User {Name} {outcome}.";
            return RedirectToPage(new { p = PageNumber });
        }
        catch (Exception e) when (e is ConflictException or ForbiddenException or NotFoundException)
        {
            ActionError = e.Message;
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        PageNumber = Math.Clamp(PageNumber, 1, 100_000 / PageSize);
        var rows = await mediator.Send(new ListUsers.Query(PageSize + 1, (PageNumber - 1) * PageSize), ct);
        HasNextPage = rows.Length > PageSize;
        Users = rows.Take(PageSize).ToArray();
    }
}
