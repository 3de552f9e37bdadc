using HireVet.Application.Access;
using HireVet.Application.Candidates;
using HireVet.Application.Common.Security;
using HireVet.Application.Dossiers;
using HireVet.Web.Security;
using MediatR;
using Npgsql;

namespace HireVet.Web.Demo;

/// <summary>`--demo`: demo users with a printed password, and a handful of candidates (honest ones and suspicious
/// ones) submitted through the real intake and vetted by the real scheduler. Idempotent.</summary>
public static class DemoSeeder
{
    public const string Password = "hirevet-demo-pass";

    private static readonly (string Username, string Name, string Role)[] Users =
    [
        ("hana", "Hana Lindqvist (HR)", Roles.Hr),
        ("sam", "Sam Okafor (Security)", Roles.Security),
        ("sky", "Sky Moreau (Security)", Roles.Security),
        ("audrey", "Audrey Novak (Auditor)", Roles.Auditor),
        ("admin", "Demo Admin", Roles.Admin),
    ];

    public static string SignInHelp =>
        "Demo mode. Sign in at /account/login with password '" + Password + "' as one of: " +
        string.Join(", ", Users.Select(u => $"{u.Username} ({u.Role})")) + ".";

    public static async Task SeedAsync(IServiceProvider services)
    {
        foreach (var user in Users)
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Explicit = new Actor("demo-seed", Roles.Admin);
            try
            {
                await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CreateUser.Command
                {
                    Username = user.Username, DisplayName = user.Name, Role = user.Role, Password = Password,
                });
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                // already seeded
            }
        }
        foreach (var dossier in Candidates())
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Explicit = new Actor("hana", Roles.Hr);
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(dossier);
        }
    }

    private static PostalAddress Home(string line1, string city, string region, string zip) =>
        new() { Line1 = line1, City = city, Region = region, PostalCode = zip, Country = "US" };

    private static NetworkObservation[] SeenAt(string ip, string timeZone) =>
        [new() { Ip = ip, ObservedAt = DateTimeOffset.UtcNow.AddDays(-3), Context = "application", DeviceTimeZone = timeZone }];

    private const string SharedResume = """
        Senior mobile engineer with eight years of experience shipping iOS and Android apps in Swift, Kotlin and React
        Native. Built offline-first synchronisation for a logistics app used by forty thousand drivers, led the move to a
        modular architecture, and cut crash rates by sixty percent with automated UI testing and staged rollouts.
        Comfortable with CI/CD, GraphQL backends and App Store releases, and mentoring junior developers.
        """;

    private static IEnumerable<SubmitCandidate.Command> Candidates()
    {
        var farm = Home("4410 Sycamore Ridge Dr", "Nashville", "TN", "37211");

        yield return new()
        {
            ExternalId = "demo-001", Source = "Greenhouse", Role = "Backend engineer", LegalName = "Emily Carter",
            Email = "emily.carter@example.com", Phone = "+1 512 555 0143", ClaimedTimeZone = "America/Chicago",
            ClaimedResidence = Home("18 Juniper Lane", "Austin", "TX", "78704"),
            IdentityDocument = new() { Type = "driver_licence", IssuingCountry = "US", Number = "TX4821933", NameOnDocument = "Emily R. Carter",
                Address = Home("18 Juniper Lane", "Austin", "TX", "78704") },
            PayrollDestination = new() { Method = "bank_transfer", AccountHolderName = "Emily Carter", BankName = "Frost Bank", BankCountry = "US",
                AccountNumber = "5510293384", RoutingNumber = "114000093" },
            EquipmentShipping = new() { RecipientName = "Emily Carter", Address = Home("18 Juniper Lane", "Austin", "TX", "78704") },
            NetworkObservations = SeenAt("73.162.41.17", "America/Chicago"),
        };
        yield return new()
        {
            ExternalId = "demo-002", Source = "Greenhouse", Role = "Data engineer", LegalName = "Park Ji-hoon", OtherNames = ["Jay Park"],
            Email = "jihoon.park@example.net", Phone = "+1 206 555 0177", ClaimedTimeZone = "America/Los_Angeles",
            ClaimedResidence = Home("901 Pine St Apt 12", "Seattle", "WA", "98101"),
            IdentityDocument = new() { Type = "passport", IssuingCountry = "US", Number = "567120934", NameOnDocument = "PARK JIHOON" },
            PayrollDestination = new() { Method = "bank_transfer", AccountHolderName = "Ji Hoon Pak", BankName = "Chase", BankCountry = "US",
                AccountNumber = "884400112", RoutingNumber = "325070760" },
            EquipmentShipping = new() { RecipientName = "Jay Park", Address = Home("901 Pine Street, Apartment 12", "Seattle", "WA", "98101") },
            NetworkObservations = SeenAt("73.97.12.200", "America/Los_Angeles"),
        };
        yield return new()
        {
            ExternalId = "demo-003", Source = "Staffing agency", Role = "Full-stack developer", LegalName = "Daniel Brooks",
            Email = "d.brooks.dev@example.org", Phone = "+1 312 555 0102", ClaimedTimeZone = "America/Chicago",
            ClaimedResidence = Home("77 W Wacker Dr", "Chicago", "IL", "60601"),
            PayrollDestination = new() { Method = "bank_transfer", AccountHolderName = "Christina Moore", BankName = "Regions", BankCountry = "US",
                AccountNumber = "330019284", RoutingNumber = "062000019" },
            EquipmentShipping = new() { RecipientName = "Christina Moore", Address = farm },
        };
        yield return new()
        {
            ExternalId = "demo-004", Source = "Upwork", Role = "Smart-contract developer", LegalName = "Alex Morgan",
            Email = "alex.morgan.web3@example.com", ClaimedTimeZone = "America/New_York",
            ClaimedResidence = Home("12 Harbor View", "Boston", "MA", "02110"),
            // An address OFAC lists for the Lazarus Group (public data, ../shared/data/crypto).
            PayrollDestination = new() { Method = "crypto", WalletTicker = "ETH", WalletAddress = "0x098B716B8Aaf21512996dC57EB0615e2383E2f96" },
        };
        yield return new()
        {
            ExternalId = "demo-005", Source = "LinkedIn", Role = "Mobile developer", LegalName = "Jason Miller",
            Email = "jason.miller.mobile@example.com", Phone = "+1 615 555 0190", ClaimedTimeZone = "America/Denver",
            ClaimedResidence = Home("300 Larimer St", "Denver", "CO", "80205"),
            PayrollDestination = new() { Method = "bank_transfer", AccountHolderName = "Jason Miller", BankCountry = "US",
                AccountNumber = "771100245", RoutingNumber = "064000017" },
            EquipmentShipping = new() { RecipientName = "Jason Miller", Address = farm },
            NetworkObservations = SeenAt("73.45.210.9", "Asia/Shanghai"), // one home connection in Nashville: the laptop farm
            ResumeText = SharedResume,
        };
        yield return new()
        {
            ExternalId = "demo-006", Source = "LinkedIn", Role = "iOS developer", LegalName = "Ryan Scott",
            Email = "ryan.scott.ios@example.com", Phone = "+1 615 555 0190", ClaimedTimeZone = "America/Phoenix",
            ClaimedResidence = Home("55 E Roosevelt St", "Phoenix", "AZ", "85004"),
            PayrollDestination = new() { Method = "bank_transfer", AccountHolderName = "Ryan Scott", BankCountry = "US",
                AccountNumber = "771100245", RoutingNumber = "064000017" },
            EquipmentShipping = new() { RecipientName = "Ryan Scott", Address = farm },
            NetworkObservations = SeenAt("73.45.210.9", "Asia/Shanghai"), // one home connection in Nashville: the laptop farm
            ResumeText = SharedResume,
        };
    }
}
