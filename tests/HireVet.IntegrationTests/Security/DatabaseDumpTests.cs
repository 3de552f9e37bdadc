using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HireVet.Application.Common.Security;
using HireVet.Application.Connectors;
using HireVet.Application.Vetting;
using HireVet.IntegrationTests.Infrastructure;
using HireVet.Web.Security;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HireVet.IntegrationTests.Security;

/// <summary>Issue 17 §3: a pg_dump of a populated database, taken while the app runs with a key-encryption key, shows
/// no document number, account number, IBAN, wallet, date of birth or other encrypted value in any usual spelling, and
/// its Data Protection key ring holds no key material in clear.</summary>
[Collection("db")]
public sealed class DatabaseDumpTests(DatabaseFixture db) : IAsyncLifetime
{
    // Distinctive, fixed values that nothing else in a test database holds.
    private const string DocumentNumber = "QX-7741 0935 WZ";
    private const string AccountNumber = "7730-5519-2864-013";
    private const string Iban = "DE58 2105 0170 8362 9741 05";
    private const string Wallet = "TVkq3Rz8mWn5PbX2cJd7HfLs9GtY4eUoAq";
    private const string PayrollChangeAccount = "5093 1176 2248";
    private const string ConnectorApiKey = "harvest-9f3b7c1e5a2d4068b1c7e3f9a5d2";
    private const string OnboardingPhone = "+1 512 555 0193";
    private const string OnboardingEmail = "o.vandermeer.77@mail.example";
    private static readonly DateOnly DateOfBirth = new(1987, 3, 29);
    private static readonly DateOnly VerifiedDateOfBirth = new(1987, 3, 28);

    private readonly KeyRingSandbox _ring = new(db);

    public async Task InitializeAsync()
    {
        await db.ResetAsync();
        await _ring.StartAsync();
    }

    public async Task DisposeAsync() => await _ring.DisposeAsync();

    [Fact]
    public async Task A_dump_of_a_populated_database_reveals_no_sensitive_value_and_no_key_in_clear()
    {
        var kek = _ring.NewKeyFile("kek");
        await using var app = _ring.App(kek.Path);
        var hr = await KeyRingSandbox.ClientAsync(app, Roles.Hr);
        var integration = await KeyRingSandbox.ClientAsync(app, Roles.Integration);

        var bank = await SubmitAsync(hr, Dossiers.Honest() with
        {
            DateOfBirth = DateOfBirth,
            IdentityDocument = Dossiers.Honest().IdentityDocument! with { Number = DocumentNumber, DateOfBirth = DateOfBirth },
            PayrollDestination = Dossiers.Honest().PayrollDestination! with { AccountNumber = AccountNumber },
        });
        await SubmitAsync(hr, Dossiers.Honest() with
        {
            DateOfBirth = DateOfBirth, IdentityDocument = null,
            PayrollDestination = new() { Method = "bank_transfer", AccountHolderName = "Emily Carter", Iban = Iban },
        });
        await SubmitAsync(hr, Dossiers.Honest() with
        {
            DateOfBirth = DateOfBirth, IdentityDocument = null,
            PayrollDestination = new() { Method = "crypto", WalletTicker = "USDT", WalletAddress = Wallet },
        });
        await VetAllPendingAsync(app);
        // Hired, the worker's payroll change and onboarding steps arrive through the integrations; the identity
        // verification (another date of birth: the vendor read the document otherwise) comes last, as it may send the case to review.
        var hired = await hr.PostAsJsonAsync($"/api/candidates/{bank}/hire", new { employeeId = "E-dump", startDate = "2026-11-02", workEmail = "emily.dump@corp.example" });
        Assert.True(hired.StatusCode == HttpStatusCode.Created, await hired.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, (await integration.PostAsJsonAsync($"/api/candidates/{bank}/identity-verifications", new
        {
            vendor = "Persona", vendorReference = "inq_dump_1", verifiedAt = "2026-11-20T15:02:00Z", verifiedName = "EMILY R CARTER",
            dateOfBirth = VerifiedDateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), documentType = "Driver's License",
            documentCountry = "us", livenessOutcome = "approved", documentOutcome = "Approved",
        })).StatusCode);
        await VetAllPendingAsync(app);

        await PostNdjsonAsync(integration, "/api/integrations/payroll-changes", JsonSerializer.Serialize(new
        {
            eventId = "p-dump", user = "emily.dump@corp.example", effectiveDate = "2026-11-25",
            payrollDestination = new { method = "bank_transfer", accountHolderName = "Emily Carter", accountNumber = PayrollChangeAccount, routingNumber = "114000093", bankCountry = "US" },
        }));
        await PostNdjsonAsync(integration, "/api/integrations/onboarding-events", JsonSerializer.Serialize(new
        {
            eventId = "ob-dump", user = "emily.dump@corp.example", step = "Drug Screen", occurredAt = "2026-11-01T10:00:00Z",
            appearedName = "Daniel Brooks", contact = new { phone = OnboardingPhone, email = OnboardingEmail },
        }));
        await SendAsync(app, new AddConnector.Command
        {
            Kind = "greenhouse", Name = "Greenhouse", Settings = new() { ["notes"] = "on", ["onBehalfOf"] = "4080" }, Secrets = new() { ["apiKey"] = ConnectorApiKey },
        }, Roles.Admin);
        var admin = await KeyRingSandbox.ClientAsync(app, Roles.Admin);
        var webhook = await admin.PostAsJsonAsync("/api/admin/webhooks", new { url = "https://soar.example/hooks/hirevet", events = new[] { "worker.band_raised" } });
        Assert.True(webhook.IsSuccessStatusCode, await webhook.Content.ReadAsStringAsync());
        // Generated secrets: the webhook's signing secret (encrypted) and the API keys (only their SHA-256 is stored).
        string[] generated = [(await webhook.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!,
            .. new[] { hr, integration, admin }.Select(c => c.DefaultRequestHeaders.GetValues(ApiKeyAuthenticationHandler.Header).Single())];
        Assert.Equal(3, await db.QuerySingleAsync<int>("select count(*)::int from candidate_revisions where sensitive_protected <> ''"));

        var dump = await PgDumpAsync();

        var leaks = Spellings().Concat(generated).Where(s => dump.Contains(s, StringComparison.Ordinal)).ToArray();
        Assert.True(leaks.Length == 0, $"The dump holds in clear: {string.Join(", ", leaks)}\n{Around(dump, leaks)}");
        var keyRing = Table(dump, "data_protection_keys");
        Assert.Contains("encryptedSecret", keyRing);
        Assert.Contains($"kek=\"{kek.Id}\"", keyRing);
        foreach (var clear in new[] { "<masterKey", "<value>", "unencrypted form" }) Assert.DoesNotContain(clear, dump);
    }

    private static IEnumerable<string> Spellings()
    {
        foreach (var value in new[] { DocumentNumber, AccountNumber, Iban, Wallet, PayrollChangeAccount, ConnectorApiKey, OnboardingPhone, OnboardingEmail })
        {
            var compact = value.Replace(" ", "").Replace("-", "");
            foreach (var form in new[] { value, compact, value.ToUpperInvariant(), value.ToLowerInvariant(), compact.ToUpperInvariant(), compact.ToLowerInvariant() })
                yield return form;
        }
        yield return OnboardingPhone.Replace(" ", "").Replace("+1", ""); // 5125550193
        foreach (var date in new[] { DateOfBirth, VerifiedDateOfBirth })
            foreach (var format in new[] { "yyyy-MM-dd", "yyyyMMdd", "dd/MM/yyyy", "MM/dd/yyyy", "dd.MM.yyyy", "d MMMM yyyy", "MMMM d, yyyy" })
                yield return date.ToString(format, CultureInfo.InvariantCulture);
    }

    private static string Around(string dump, IEnumerable<string> leaks) => string.Join('\n', leaks.Select(leak =>
    {
        var at = dump.IndexOf(leak, StringComparison.Ordinal);
        var start = dump.LastIndexOf("\nCOPY ", at, StringComparison.Ordinal);
        var table = start < 0 ? "?" : dump[(start + 6)..dump.IndexOf(' ', start + 6)];
        return $"{leak} in {table}: …{dump[Math.Max(0, at - 150)..Math.Min(dump.Length, at + 100)]}…";
    }));

    private static string Table(string dump, string table)
    {
        var start = dump.IndexOf($"\nCOPY public.{table} ", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No data for {table} in the dump.");
        return dump[start..dump.IndexOf("\n\\.\n", start, StringComparison.Ordinal)];
    }

    /// <summary>pg_dump of the test database with the highest-version client on the machine, connected as the fixture's
    /// connection string says (password through PGPASSWORD when it has one).</summary>
    private async Task<string> PgDumpAsync()
    {
        var pgDump = Directory.GetDirectories("/usr/lib/postgresql")
            .Select(d => (Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0, Path: Path.Combine(d, "bin", "pg_dump")))
            .Where(c => File.Exists(c.Path)).OrderByDescending(c => c.Version).Select(c => c.Path).FirstOrDefault()
            ?? throw new InvalidOperationException("No pg_dump under /usr/lib/postgresql/*/bin.");
        var connection = new NpgsqlConnectionStringBuilder(db.OwnerConnectionString);
        var info = new ProcessStartInfo(pgDump, ["--no-password", "--dbname", connection.Database!])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8,
        };
        info.Environment["PGHOST"] = connection.Host;
        info.Environment["PGPORT"] = connection.Port.ToString(CultureInfo.InvariantCulture);
        info.Environment["PGUSER"] = connection.Username;
        if (connection.Password is { Length: > 0 } password) info.Environment["PGPASSWORD"] = password;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);
        Assert.True(process.ExitCode == 0, $"pg_dump failed: {await error}");
        var dump = await output;
        Assert.Contains("COPY public.candidate_revisions", dump);
        return dump;
    }

    private static async Task<T> SendAsync<T>(HireVetFactory app, IRequest<T> request, string role)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Explicit = new Actor($"dump-{role}", role);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    private static async Task<long> SubmitAsync(HttpClient hr, Application.Candidates.SubmitCandidate.Command dossier)
    {
        var created = await hr.PostAsJsonAsync("/api/candidates", dossier);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    private static async Task PostNdjsonAsync(HttpClient client, string path, string line)
    {
        var response = await client.PostAsync(path, new StringContent(line + "\n", Encoding.UTF8, "application/x-ndjson"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal(1, JsonDocument.Parse(body).RootElement.GetProperty("accepted").GetInt32());
    }

    private async Task VetAllPendingAsync(HireVetFactory app)
    {
        for (var round = 0; round < 10; round++)
        {
            var pending = await db.QueryAsync<long>("select id from candidates where vetting_status = 'pending' order by id");
            if (pending.Length == 0) return;
            await SendAsync(app, new VetCandidates.Command(pending), Roles.System);
        }
    }
}
