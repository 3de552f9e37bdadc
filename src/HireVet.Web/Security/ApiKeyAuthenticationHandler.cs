using System.Security.Claims;
using System.Text.Encodings.Web;
using HireVet.Application.Access;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace HireVet.Web.Security;

/// <summary>API callers present a key in `X-Api-Key` (or `Authorization: ApiKey …`); the key carries one role. A key
/// found valid is remembered for <see cref="Remembered"/>, so an integration sending 100 requests a second costs the
/// database one lookup, not 100; a revoked key therefore stops working within that time. A refused key is recorded in
/// sign_in_attempts for admins.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IMediator mediator, IMemoryCache cache)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";
    public static readonly TimeSpan Remembered = TimeSpan.FromSeconds(30);

    /// <summary>Striped by key, so that made-up keys cannot grow it.</summary>
    private static readonly SemaphoreSlim[] Lookups = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    public static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue(Header, out var key) && !string.IsNullOrWhiteSpace(key)) return key.ToString().Trim();
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("ApiKey ", StringComparison.OrdinalIgnoreCase) ? authorization["ApiKey ".Length..].Trim() : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (PresentedKey(Request) is not { } key) return AuthenticateResult.NoResult();
        // The cache is keyed by the key's SHA-256 as stored, so no key sits in memory in the clear longer than its
        // request, and revoking a key can forget it (RevokeApiKey).
        var cacheKey = AuthenticateApiKey.CacheKey(CreateApiKey.HashKey(key));
        if (!cache.TryGetValue(cacheKey, out AuthenticateApiKey.Caller? caller) || caller is null)
        {
            // One lookup at a time per key: when a remembered key expires under load, the requests arriving meanwhile
            // wait for that lookup instead of each looking the key up and updating its row (decision 0057).
            var gate = Lookups[(int)((uint)cacheKey.GetHashCode() % (uint)Lookups.Length)];
            await gate.WaitAsync(Context.RequestAborted);
            try
            {
                if (!cache.TryGetValue(cacheKey, out caller) || caller is null)
                {
                    caller = await mediator.Send(new AuthenticateApiKey.Query(key), Context.RequestAborted);
                    if (caller is null)
                    {
                        await RecordFailureAsync(key);
                        return AuthenticateResult.Fail("Unknown or revoked API key.");
                    }
                    cache.Set(cacheKey, caller, Remembered);
                    await mediator.Send(new RecordApiKeyUse.Command(caller.Id), Context.RequestAborted);
                }
            }
            finally
            {
                gate.Release();
            }
        }
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, caller.Name), new Claim(ClaimTypes.Role, caller.Role)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>Records a refused key (its prefix, never the key), at most once a minute per client address and key
    /// prefix on this node: an integration left with a revoked key, or a flood of made-up keys, adds a row a minute,
    /// not one per request.</summary>
    private async Task RecordFailureAsync(string key)
    {
        var address = SignInClient.Address(Context);
        var noted = $"apikey-failure:{address}:{RecordFailedApiKey.Prefix(key)}";
        if (cache.TryGetValue(noted, out _)) return;
        cache.Set(noted, true, TimeSpan.FromMinutes(1));
        await mediator.Send(new RecordFailedApiKey.Command(key, address, SignInClient.UserAgent(Context)), Context.RequestAborted);
    }
}
