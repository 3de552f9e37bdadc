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
/// session epoch (<see cref="SessionCheck"/>). A disabled user is refused, and told so once the password is right. Every
/// attempt is recorded with the client's address and browser; repeated wrong passwords lock the user out
/// (<see cref="SignInPolicy"/>).</summary>
[EnableRateLimiting(RateLimitPolicy)]
public sealed class LoginModel(IMediator mediator, CurrentActor actor, SignInPolicy policy) : PageModel
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

        var address = SignInClient.Address(HttpContext);
        var userAgent = SignInClient.UserAgent(HttpContext);
        var result = await mediator.Send(new SignIn.Query(Username, Password, address), ct);
        if (result is not { Outcome: SignInOutcome.Succeeded, User: { } user })
        {
            await mediator.Send(new RecordFailedSignIn.Command(result.Outcome, result.Username, result.UserId, address, userAgent), ct);
            // A wrong password, an unknown user and a locked-out user read alike: the answer tells no one which it was.
            Error = result.Outcome switch
            {
                SignInOutcome.Disabled => "This account is disabled. Ask an administrator to enable it.",
                SignInOutcome.IpThrottled => "Too many failed sign-ins from your network address. Try again in a few minutes.",
                _ => $"Wrong username or password. After {policy.LockoutThreshold} wrong passwords in a row an account is locked for "
                    + $"{policy.LockoutDuration.TotalMinutes:0} minutes; an administrator can unlock it sooner.",
            };
            return Page();
        }

        actor.Explicit = new Actor(user.Username, user.Role); // the audit record of the sign-in names the user
        await mediator.Send(new RecordSignIn.Command(user.Username, address, userAgent), ct);
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
