using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace HireVet.Scale.Load;

/// <summary>Issue 5's page target: the candidate page (`/candidates/{id}`) as a security reviewer sees it (the fullest
/// view: evidence, trace, links, decisions) for random stored candidates, one request at a time after a warm-up. The
/// time is from sending the request to the last byte of the HTML on loopback: the server's time plus a local round
/// trip, so an upper bound of the server time the target names.</summary>
public static partial class PageScenario
{
    public sealed record Result(int Requests, int Errors, double P50, double P95, double P99, double Max, string Lists);

    public static async Task<Result> RunAsync(WebProcess web, string connectionString, int stored, int requests, int seed, Action<string> log)
    {
        const string user = "page-bench", password = "a long page benchmark password";
        await WebProcess.CreateUserAsync(connectionString, user, "security", password);
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = web.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var login = await client.GetStringAsync("/account/login");
        var token = TokenPattern().Match(login).Groups[1].Value;
        var signIn = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Username"] = user, ["Password"] = password, ["__RequestVerificationToken"] = token,
        }));
        if (signIn.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Signing in for the page benchmark failed: {(int)signIn.StatusCode}");

        var rng = new Random(seed);
        var errors = 0;
        async Task<double> TimeAsync(string path)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead);
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (response.StatusCode != HttpStatusCode.OK) errors++;
            return ms;
        }
        for (var i = 0; i < 20; i++) await TimeAsync($"/candidates/{rng.Next(1, stored + 1)}"); // warm-up
        var times = new List<double>(requests);
        for (var i = 0; i < requests; i++) times.Add(await TimeAsync($"/candidates/{rng.Next(1, stored + 1)}"));
        var lists = new List<double>();
        var pageErrors = errors;
        foreach (var path in new[] { "/candidates", "/reviews" }) // the lists a reviewer opens (the audit page is the auditors')
            for (var i = 0; i < 10; i++) lists.Add(await TimeAsync(path));
        var listErrors = errors - pageErrors;
        errors = pageErrors;
        var sorted = times.Order().ToArray();
        log($"candidate page: {requests} requests, {Latency.Summary(sorted)}, {errors} errors");
        return new Result(requests, errors, Latency.Percentile(sorted, 50), Latency.Percentile(sorted, 95), Latency.Percentile(sorted, 99), sorted[^1],
            $"{Latency.Summary([.. lists])}, {listErrors} errors");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
