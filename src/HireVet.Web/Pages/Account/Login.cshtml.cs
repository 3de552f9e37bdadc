using System.Security.Claims;
using HireVet.Application.Access;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace HireVet.Web.Pages.Account;

/// <summary>Local username/password sign-in; the cookie carries the username (Name) and the role (Role).</summary>
[EnableRateLimiting(RateLimitPolicy)]
public sealed class LoginModel(IMediator mediator) : PageModel
{
    public const string RateLimitPolicy = "sign-in";

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string? Username { get; set; }
    [BindProperty] public string? Password { get; set; }

    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Username) || string.IsNullOrEmpty(Password) || Username.Length > 64 || Password.Length > 200)
        {
            Error = "Enter your username and password.";
            return Page();
        }

        var user = await mediator.Send(new SignIn.Query(Username, Password), ct);
        if (user is null)
        {
            Error = "Wrong username or password.";
            return Page();
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user.Username), new Claim(ClaimTypes.Role, user.Role)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
