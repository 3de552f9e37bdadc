using System.Security.Claims;
using HireVet.Application.Access;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace HireVet.Web.Security;

/// <summary>A session cookie stands only while its user is enabled and the session epoch it was issued under is the
/// user's current one: every request with a cookie asks the database (one index lookup), so disabling a user ends their
/// sessions at their next request. A cookie without the epoch (issued before it existed) is refused: sign in again.</summary>
public static class SessionCheck
{
    public const string EpochClaim = "hirevet:session-epoch";

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var username = principal?.Identity?.Name;
        var stands = username is not null
            && int.TryParse(principal!.FindFirstValue(EpochClaim), System.Globalization.CultureInfo.InvariantCulture, out var epoch)
            && await context.HttpContext.RequestServices.GetRequiredService<IMediator>()
                .Send(new CheckSession.Query(username, epoch), context.HttpContext.RequestAborted);
        if (stands) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
