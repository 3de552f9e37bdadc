using System.Net;
using System.Text;
using HireVet.Application.Access;
using HireVet.Application.Common.Security;
using HireVet.IntegrationTests.Infrastructure;
using HireVet.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HireVet.IntegrationTests.Http;

/// <summary>Enumerates every endpoint the application maps (API and pages) and proves that each declares a policy,
/// rejects anonymous callers, and rejects every role its policy does not name.</summary>
[Collection("db")]
public sealed class AuthorizationTests(DatabaseFixture db) : IAsyncLifetime
{
    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static readonly Dictionary<string, string[]> RolesByPolicy = new()
    {
        [Policies.Hr] = [Roles.Hr],
        [Policies.Security] = [Roles.Security],
        [Policies.Auditor] = [Roles.Auditor],
        [Policies.Admin] = [Roles.Admin],
        [Policies.CandidateReaders] = [Roles.Hr, Roles.Security, Roles.Auditor],
        [Policies.EvidenceReaders] = [Roles.Security, Roles.Auditor],
        [Policies.AdminsAndAuditors] = [Roles.Admin, Roles.Auditor],
        [Policies.AnyRole] = Roles.Human,
        [Policies.Integration] = [Roles.Integration],
        [Policies.IdentityVerificationSubmitters] = [Roles.Hr, Roles.Integration],
        // Vendors' deliveries prove themselves with the connector's signature, which no API key or session carries.
        [Policies.ConnectorDelivery] = [],
    };

    // The only endpoints open to anonymous callers: health, the pages needed to sign in, and the error page.
    private static readonly string[] Anonymous = ["health", "account/login", "account/logout", "account/access-denied", "error/{code:int?}"];

    private sealed record Target(string Method, string Path, string[] AllowedRoles, bool AllowsAnonymous, bool VendorSigned = false);

    private Target[] Endpoints()
    {
        var endpoints = db.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToArray();
        Assert.NotEmpty(endpoints);
        return endpoints.SelectMany(e =>
        {
            var pattern = e.RoutePattern.RawText!.TrimStart('/');
            var anonymous = e.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policies = e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToArray();
            Assert.True(anonymous || policies.Length > 0, $"{pattern} declares no authorization policy");
            Assert.All(policies, p => Assert.True(p is not null && RolesByPolicy.ContainsKey(p), $"{pattern} uses an unknown policy '{p}'"));
            var allowed = policies.Aggregate((IEnumerable<string>)Roles.ForApiKeys, (roles, p) => roles.Intersect(RolesByPolicy[p!])).ToArray();
            var methods = e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var path = "/" + pattern.Replace("{id:long}", "1").Replace("{id}", "1").Replace("{version}", "v1").Replace("{documentName}", "v1")
                .Replace("{**path}", "").TrimEnd('/').ToLowerInvariant();
            return methods.Select(m => new Target(m, path, allowed, anonymous, policies.Contains(Policies.ConnectorDelivery)));
        }).Distinct().ToArray();
    }

    [Fact]
    public void Every_endpoint_declares_a_policy_and_only_sign_in_and_health_are_anonymous()
    {
        var targets = Endpoints();
        Assert.Contains(targets, t => t.Path == "/api/candidates" && t.Method == "POST");
        Assert.Contains(targets, t => t.Path == "/candidates/new");
        Assert.Contains(targets, t => t.Path == "/admin/hangfire" && t.AllowedRoles.Order().SequenceEqual(new[] { Roles.Admin, Roles.Auditor }.Order()));
        var anonymous = targets.Where(t => t.AllowsAnonymous).Select(t => t.Path.TrimStart('/')).Distinct().Order().ToArray();
        Assert.Equal(Anonymous.Order(), anonymous);
    }

    [Fact]
    public async Task Every_protected_endpoint_rejects_anonymous_callers_and_every_role_its_policy_does_not_name()
    {
        // Paths get id 1: the admin's POST /api/admin/api-keys/1/revoke really revokes key 1, so key 1 is none of the clients'.
        await db.SendAsync(new CreateApiKey.Command { Name = "revoked-by-the-sweep", Role = Roles.Hr }, "fixture", Roles.Admin);
        var clients = new Dictionary<string, HttpClient> { ["anonymous"] = await db.ClientAsync(null) };
        foreach (var role in Roles.ForApiKeys) clients[role] = await db.ClientAsync(role);
        var failures = new List<string>();

        foreach (var target in Endpoints().Where(t => !t.AllowsAnonymous))
        foreach (var (who, client) in clients)
        {
            using var request = new HttpRequestMessage(new HttpMethod(target.Method), target.Path)
            {
                Content = target.Method is "POST" or "PUT" ? new StringContent("{}", Encoding.UTF8, "application/json") : null,
            };
            var status = (await client.SendAsync(request)).StatusCode;
            var isApi = target.Path.StartsWith("/api", StringComparison.Ordinal) || target.Path.StartsWith("/openapi", StringComparison.Ordinal);
            var allowed = target.AllowedRoles.Contains(who);
            // A delivery endpoint authenticates the vendor's signature only: an API key is no credential there (401).
            var ok = who == "anonymous" || target.VendorSigned
                ? status == (isApi ? HttpStatusCode.Unauthorized : HttpStatusCode.Redirect)
                : allowed ? status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                : status == HttpStatusCode.Forbidden;
            if (!ok) failures.Add($"{target.Method} {target.Path} as {who}: {(int)status}");
        }

        Assert.Empty(failures);
    }

    [Theory]
    [InlineData(Roles.Hr, "POST", "/api/candidates/1/decisions")]
    [InlineData(Roles.Hr, "POST", "/api/decisions/1/approval")]
    [InlineData(Roles.Auditor, "POST", "/api/candidates")]
    [InlineData(Roles.Auditor, "POST", "/api/candidates/1/claim")]
    [InlineData(Roles.Security, "POST", "/api/admin/users")]
    [InlineData(Roles.Security, "POST", "/api/candidates")]
    [InlineData(Roles.Admin, "GET", "/api/candidates")]
    [InlineData(Roles.Integration, "POST", "/api/candidates")]
    [InlineData(Roles.Integration, "GET", "/api/candidates")]
    [InlineData(Roles.Hr, "POST", "/api/integrations/okta/system-log")]
    [InlineData(Roles.Hr, "POST", "/api/integrations/meeting-sessions")]
    [InlineData(Roles.Security, "POST", "/api/integrations/onboarding-events")]
    [InlineData(Roles.Security, "POST", "/api/candidates/1/identity-verifications")]
    [InlineData(Roles.Auditor, "POST", "/api/candidates/1/identity-verifications")]
    public async Task Named_role_boundaries_hold(string role, string method, string path)
    {
        var client = await db.ClientAsync(role);
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task A_wrong_api_key_is_401()
    {
        var client = await db.ClientAsync(null);
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, "hv_000000000000_not-a-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/candidates")).StatusCode);
    }
}
