using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace HireVet.Scale.Load;

/// <summary>Issue 5's page target: the candidate page (`/candidates/{id}`) as a security reviewer sees it (the fullest
/// view: evidence with the catalogue's text, score breakdown, comparison, locations, link graph, timeline, decisions)
/// for random stored candidates, one request at a time after a warm-up; then the same page as HR and every other
/// workbench page as its role. The time is from sending the request to the last byte of the HTML on loopback: the
/// server's time plus a local round trip, so an upper bound of the server time the target names.</summary>
public static partial class PageScenario
{
    public sealed record PageTime(string Role, string Path, int Requests, int Errors, double P50, double P95, double Max);

    public sealed record Result(int Requests, int Errors, double P50, double P95, double P99, double Max, PageTime HrCandidatePage, PageTime[] Pages);

    /// <summary>The workbench's other pages, each as the role that works in it: lists are paged and filtered on
    /// indexes, so their time must not grow with the million stored candidates.</summary>
    public static readonly (string Role, string Path)[] WorkbenchPages =
    [
        ("security", "/"),
        ("security", "/reviews"),
        ("security", "/notices"),
        ("security", "/candidates"),
        ("hr", "/"),
        ("hr", "/candidates"),
        ("auditor", "/"),
        ("auditor", "/audit"),
        ("auditor", "/audit?outcome=reject&band=high"),
        ("auditor", "/audit?verify=full"),
        ("admin", "/"),
        ("admin", "/admin/jobs"),
        ("admin", "/admin/reference-data"),
    ];

    private const string Password = "a long page benchmark password";

    public static async Task<Result> RunAsync(WebProcess web, string connectionString, int stored, int requests, int seed, Action<string> log)
    {
        var clients = new Dictionary<string, HttpClient>();
        foreach (var role in new[] { "security", "hr", "auditor", "admin" })
            clients[role] = await SignedInAsync(web, connectionString, role);
        try
        {
            var rng = new Random(seed);
            var errors = 0;
            async Task<double> TimeAsync(HttpClient client, string path)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead);
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (response.StatusCode != HttpStatusCode.OK) errors++;
                return ms;
            }
            var security = clients["security"];
            for (var i = 0; i < 20; i++) await TimeAsync(security, $"/candidates/{rng.Next(1, stored + 1)}"); // warm-up
            errors = 0;
            var times = new List<double>(requests);
            for (var i = 0; i < requests; i++) times.Add(await TimeAsync(security, $"/candidates/{rng.Next(1, stored + 1)}"));
            var pageErrors = errors;
            var sorted = times.Order().ToArray();
            log($"candidate page: {requests} requests, {Latency.Summary(sorted)}, {pageErrors} errors");

            async Task<PageTime> MeasureAsync(string role, Func<string> path, int count)
            {
                for (var i = 0; i < 3; i++) await TimeAsync(clients[role], path());
                errors = 0;
                var list = new List<double>(count);
                for (var i = 0; i < count; i++) list.Add(await TimeAsync(clients[role], path()));
                var ordered = list.Order().ToArray();
                return new PageTime(role, path(), count, errors, Latency.Percentile(ordered, 50), Latency.Percentile(ordered, 95), ordered[^1]);
            }
            var hrPage = await MeasureAsync("hr", () => $"/candidates/{rng.Next(1, stored + 1)}", 100);
            var pages = new List<PageTime>();
            foreach (var (role, path) in WorkbenchPages)
            {
                var measured = await MeasureAsync(role, () => path, 20);
                log($"{path} as {role}: p50 {measured.P50:0.0} ms, p95 {measured.P95:0.0} ms, {measured.Errors} errors");
                pages.Add(measured);
            }
            return new Result(requests, pageErrors, Latency.Percentile(sorted, 50), Latency.Percentile(sorted, 95), Latency.Percentile(sorted, 99), sorted[^1],
                hrPage with { Path = "/candidates/{id}" }, [.. pages]);
        }
        finally
        {
            foreach (var client in clients.Values) client.Dispose();
        }
    }

    private static async Task<HttpClient> SignedInAsync(WebProcess web, string connectionString, string role)
    {
        var user = $"page-bench-{role}";
        await WebProcess.CreateUserAsync(connectionString, user, role, Password);
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        var client = new HttpClient(handler, disposeHandler: true) { BaseAddress = web.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var login = await client.GetStringAsync("/account/login");
        var token = TokenPattern().Match(login).Groups[1].Value;
        var signIn = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Username"] = user, ["Password"] = Password, ["__RequestVerificationToken"] = token,
        }));
        if (signIn.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Signing in as {role} for the page benchmark failed: {(int)signIn.StatusCode}");
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
