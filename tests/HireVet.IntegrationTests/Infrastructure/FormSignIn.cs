using System.Text.RegularExpressions;

namespace HireVet.IntegrationTests.Infrastructure;

/// <summary>Signs in through the login form as a browser does: reads the form for its antiforgery token, then posts
/// the username and password with it.</summary>
public static partial class FormSignIn
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string username, string password)
    {
        var form = await client.GetStringAsync("/account/login");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Username"] = username,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
