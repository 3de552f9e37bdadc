using Microsoft.AspNetCore.Authentication;
using HireVet.Web.Errors;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace HireVet.Web.Security;

public static class AuthenticationSetup
{
    private const string Smart = "HireVet";

    /// <summary>Browsers sign in with a cookie; integrations send an API key. API paths answer 401/403 instead of
    /// redirecting to the sign-in page.</summary>
    public static IServiceCollection AddHireVetAuthentication(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddAuthentication(Smart)
            .AddPolicyScheme(Smart, Smart, o => o.ForwardDefaultSelector = context =>
                ApiKeyAuthenticationHandler.PresentedKey(context.Request) is null
                    ? CookieAuthenticationDefaults.AuthenticationScheme
                    : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, _ => { })
            .AddScheme<AuthenticationSchemeOptions, ConnectorDeliveryAuthenticationHandler>(ConnectorDeliveryAuthenticationHandler.SchemeName, _ => { })
            .AddCookie(o =>
            {
                o.LoginPath = "/account/login";
                o.LogoutPath = "/account/logout";
                o.AccessDeniedPath = "/account/access-denied";
                o.Cookie.Name = "hirevet";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = SessionCheck.ValidateAsync;
                o.Events.OnRedirectToLogin = context => ApiAware(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => ApiAware(context, StatusCodes.Status403Forbidden);
            });
        services.AddAuthorization(Policies.Configure);
        return services;
    }

    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (ProblemDetailsMapper.IsApiRequest(context.HttpContext))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
