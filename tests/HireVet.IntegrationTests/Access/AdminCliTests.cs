using System.Net;
using HireVet.Application.Access;
using HireVet.IntegrationTests.Infrastructure;
using HireVet.Web.Cli;
using HireVet.Web.Security;

namespace HireVet.IntegrationTests.Access;

[Collection("db")]
public sealed class AdminCliTests(DatabaseFixture db) : IAsyncLifetime
{
    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(int Exit, string Out, string Error)> Run(params string[] args)
    {
        var (stdout, stderr) = (Console.Out, Console.Error);
        using var output = new StringWriter();
        using var error = new StringWriter();
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            return (await AdminCli.RunAsync(db.Factory.Services, args), output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }

    [Fact]
    public async Task Creates_a_user_who_can_then_sign_in_and_audits_it_as_the_cli()
    {
        Environment.SetEnvironmentVariable("HIREVET_TEST_PASSWORD", "correct horse battery staple");
        var (exit, output, _) = await Run("create-user", "--username", "alice", "--role", "security", "--password-env", "HIREVET_TEST_PASSWORD");

        Assert.Equal(0, exit);
        Assert.Contains("Created user alice (id ", output);
        var user = (await db.SendAsync(new SignIn.Query("alice", "correct horse battery staple"))).User;
        Assert.Equal(("alice", "security"), (user!.Username, user.Role));
        Assert.Equal(SignInOutcome.WrongPassword, (await db.SendAsync(new SignIn.Query("alice", "wrong password!!"))).Outcome);
        var audit = await db.QuerySingleAsync<(string Action, string ActorRole, string Details)>("select action, actor_role, details from audit_records");
        Assert.Equal(("CreateUser", "admin"), (audit.Action, audit.ActorRole));
        Assert.DoesNotContain("horse", audit.Details);
    }

    [Fact]
    public async Task Creates_an_api_key_printed_once_that_authenticates_with_its_role()
    {
        var (exit, output, _) = await Run("create-api-key", "--name", "greenhouse", "--role", "hr");

        Assert.Equal(0, exit);
        var key = output.Trim();
        Assert.StartsWith("hv_", key);
        var client = db.Factory.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/candidates")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/reviews/queue")).StatusCode);
        Assert.DoesNotContain(key, await db.QuerySingleAsync<string>("select key_hash from api_keys"));
    }

    [Fact]
    public async Task A_command_run_as_its_own_process_answers_on_standard_output_and_logs_to_standard_error()
    {
        // Without a key-encryption key every command warns; a script reading the key must get the key alone.
        var (exit, output, error) = await NodeProcess.AdminAsync(db.ConnectionString, "create-api-key", "--name", "script", "--role", "hr");

        Assert.Equal(0, exit);
        var key = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("hv_", key);
        Assert.Contains("No key-encryption key is configured", error);
        Assert.Equal("script", await db.QuerySingleAsync<string>("select name from api_keys"));
    }

    [Fact]
    public async Task Bad_arguments_exit_non_zero_naming_the_problem()
    {
        var (exit, _, error) = await Run("create-user", "--username", "Bob!", "--role", "boss");

        Assert.Equal(2, exit);
        Assert.Contains("username:", error);
        Assert.Contains("role: 'role' must be one of: hr, security, auditor, admin.", error);
        Assert.Equal(0, await db.QuerySingleAsync<int>("select count(*)::int from users"));
    }
}
