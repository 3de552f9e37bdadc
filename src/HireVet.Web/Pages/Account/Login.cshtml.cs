using System.Security.Claims;
using HireVet.Application.Access;
using HireVet.Application.Common.Security;
using HireVet.Web.Security;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace HireVet.Web.Pages.Account;

/// <summary>Local username/password sign-in; the cookie carries the username (Name), the role (Role) and the user's
/// session epoch (<see cref="SessionCheck"/>). A disabled user is refused, and told so once the password is right.</summary>
[EnableRateLimiting(RateLimitPolicy)]
public sealed class LoginModel(IMediator mediator, CurrentActor actor) : PageModel
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

        if (user.Disabled)
        {
            Error = "This account is disabled. Ask an administrator to enable it.";
            return Page();
        }

        actor.Explicit = new Actor(user.Username, user.Role); // the audit record of the sign-in names the user
        await mediator.Send(new RecordSignIn.Command(user.Username), ct);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, user.Username), new Claim(ClaimTypes.Role, user.Role),
                new Claim(SessionCheck.EpochClaim, user.SessionEpoch.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
