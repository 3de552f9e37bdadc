using System.Security.Claims;
using HireVet.Application.Common.Security;

namespace HireVet.Web.Security;

/// <summary>The actor of the current request: the signed-in user or API key; the admin CLI sets one explicitly;
/// anything else (scheduled jobs) is the system.</summary>
public sealed class CurrentActor(IHttpContextAccessor http) : ICurrentActor
{
    public Actor? Explicit { get; set; }

    private Actor Resolve()
    {
        if (Explicit is not null) return Explicit;
        var user = http.HttpContext?.User;
        if (user?.Identity?.IsAuthenticated == true)
            return new Actor(user.Identity.Name ?? "unknown", user.FindFirstValue(ClaimTypes.Role) ?? "unknown");
        return Actor.System;
    }

    public string Name => Resolve().Name;
    public string Role => Resolve().Role;
}
