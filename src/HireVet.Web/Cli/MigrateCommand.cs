using HireVet.Infrastructure.Database;
using Microsoft.Extensions.Logging;

namespace HireVet.Web.Cli;

/// <summary>`hirevet admin migrate`: applies the migrations with the owner's credentials, in a process of its own that
/// builds no application, so the owner's password never reaches the serving process (decision 0054). Optionally sets
/// the application login's password, for a private cluster where HireVet generated it.</summary>
public static class MigrateCommand
{
    public const string OwnerUrlVariable = "HIREVET_OWNER_DATABASE_URL";
    public const string AppPasswordFileVariable = "HIREVET_APP_PASSWORD_FILE";

    public const string Usage = $"""
        usage: {OwnerUrlVariable}=postgres://owner:...@host/db hirevet admin migrate [--app-password-file FILE]
          Applies the migrations as the owner; with --app-password-file (or {AppPasswordFileVariable}) also sets the
          password of the application's login, hirevet_app.
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        if (Environment.GetEnvironmentVariable(OwnerUrlVariable) is not { Length: > 0 } ownerUrl)
        {
            Console.Error.WriteLine($"admin migrate needs the owner's connection in {OwnerUrlVariable}.\n{Usage}");
            return 2;
        }
        var passwordFile = Option(args, "--app-password-file") ?? Environment.GetEnvironmentVariable(AppPasswordFileVariable);
        using var logging = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true));
        var runner = new MigrationRunner(ConnectionStrings.FromUrlOrConnectionString(ownerUrl), logging.CreateLogger<MigrationRunner>());
        try
        {
            var applied = await runner.MigrateAsync();
            if (passwordFile is { Length: > 0 })
            {
                var password = (await File.ReadAllTextAsync(passwordFile)).Trim();
                if (password.Length < 16)
                {
                    Console.Error.WriteLine($"The application login's password in {passwordFile} is shorter than 16 characters.");
                    return 2;
                }
                await runner.SetApplicationPasswordAsync(password);
            }
            Console.WriteLine($"Database is up to date ({applied} migration(s) applied).");
            return 0;
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException or IOException)
        {
            Console.Error.WriteLine($"Migration failed: {e.Message}");
            return 1;
        }
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
