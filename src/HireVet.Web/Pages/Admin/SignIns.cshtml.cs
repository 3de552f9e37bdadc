using FluentValidation;
using HireVet.Application.Access;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HireVet.Web.Pages.Admin;

/// <summary>Admins read the sign-in attempts, newest first, 50 to a page: every failure by default, or one outcome,
/// optionally for one user name.</summary>
public sealed class SignInsModel(IMediator mediator) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(Name = "p", SupportsGet = true)] public int PageNumber { get; set; } = 1;
    [BindProperty(Name = "outcome", SupportsGet = true)] public string? Outcome { get; set; }
    [BindProperty(Name = "user", SupportsGet = true)] public string? UserName { get; set; }

    public ListSignInAttempts.Item[] Attempts { get; private set; } = [];
    public bool HasNextPage { get; private set; }
    public string? FilterError { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Clamp(PageNumber, 1, 100_000 / PageSize);
        if (string.IsNullOrEmpty(Outcome)) Outcome = null;
        try
        {
            var rows = await mediator.Send(new ListSignInAttempts.Query(Outcome, UserName, PageSize + 1, (PageNumber - 1) * PageSize), ct);
            HasNextPage = rows.Length > PageSize;
            Attempts = rows.Take(PageSize).ToArray();
        }
        catch (ValidationException e)
        {
            FilterError = string.Join(" ", e.Errors.Select(x => x.ErrorMessage).Distinct());
        }
    }

    /// <summary>This page's address with the same filters on another page.</summary>
    public string PageLink(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["outcome"] = Outcome,
            ["user"] = string.IsNullOrWhiteSpace(UserName) ? null : UserName,
            ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return "/admin/sign-ins" + QueryString.Create(query.Where(kv => kv.Value is not null)).ToUriComponent();
    }
}
