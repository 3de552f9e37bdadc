using HireVet.Application.Common.Security;
using HireVet.Infrastructure.Security;
using HireVet.IntegrationTests.Infrastructure;
using HireVet.Web.Cli;
using Microsoft.Extensions.DependencyInjection;

namespace HireVet.IntegrationTests.Security;

/// <summary>The Data Protection key ring is wrapped with a key-encryption key kept outside the database (decision 0052,
/// docs/key-management.md): written wrapped, upgraded from clear at start-up, rotated, and refused without its key.</summary>
[Collection("db")]
public sealed class KeyRingEncryptionTests(DatabaseFixture db) : IAsyncLifetime
{
    private readonly KeyRingSandbox _ring = new(db);

    public async Task InitializeAsync()
    {
        await db.ResetAsync();
        await _ring.StartAsync();
    }

    public async Task DisposeAsync() => await _ring.DisposeAsync();

    private static (string Protected, byte[] Hash) Write(HireVetFactory app, string value)
    {
        var sensitive = app.Services.GetRequiredService<ISensitiveData>();
        return (sensitive.Protect(value), sensitive.KeyedHash("bank_account", value));
    }

    private static void AssertReads(HireVetFactory app, string value, (string Protected, byte[] Hash) written)
    {
        var sensitive = app.Services.GetRequiredService<ISensitiveData>();
        Assert.Equal(value, sensitive.Unprotect(written.Protected));
        Assert.Equal(written.Hash, sensitive.KeyedHash("bank_account", value)); // the hash key in protected_secrets is readable too
    }

    private async Task AssertWrappedWithAsync(string kekId)
    {
        var stored = await _ring.StoredXmlAsync();
        Assert.NotEmpty(stored);
        Assert.All(stored, xml =>
        {
            Assert.Contains($"kek=\"{kekId}\"", xml);
            Assert.DoesNotContain("<masterKey", xml);
            Assert.DoesNotContain("<value>", xml);
        });
    }

    private static Exception StartFailure(HireVetFactory app)
    {
        var e = Record.Exception(() => app.Services);
        Assert.NotNull(e);
        return e;
    }

    private static T Find<T>(Exception e) where T : Exception
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
            if (x is T found) return found;
        if (e is AggregateException aggregate)
            foreach (var inner in aggregate.InnerExceptions)
                if (inner is T found) return found;
        throw new Xunit.Sdk.XunitException($"Expected a {typeof(T).Name}, got: {e}");
    }

    [Fact]
    public async Task Keys_are_stored_wrapped_and_survive_a_rotation_then_the_old_key_is_retired()
    {
        var a = _ring.NewKeyFile("kek-a");
        var b = _ring.NewKeyFile("kek-b");
        (string, byte[]) written;
        await using (var withA = _ring.App(a.Path))
            written = Write(withA, "FR7630006000011234567890189");
        await AssertWrappedWithAsync(a.Id);

        // Rotation: B is current, A only decrypts. Old keys stay readable; the re-wrap moves every element to B.
        await using (var rotating = _ring.App(b.Path, a.Path))
        {
            AssertReads(rotating, "FR7630006000011234567890189", written);
            Assert.Equal(0, await AdminCli.RunAsync(rotating.Services, ["rewrap-key-ring"]));
        }
        await AssertWrappedWithAsync(b.Id);

        await using (var withB = _ring.App(b.Path))
            AssertReads(withB, "FR7630006000011234567890189", written);

        // The retired key alone opens nothing, and the app says which setting to fix instead of a crypto stack.
        await using var withAOnly = _ring.App(a.Path);
        var missing = Find<KeyEncryptionKeyMissingException>(StartFailure(withAOnly));
        Assert.Equal(b.Id, missing.KeyId);
        Assert.Contains(KeyEncryptionKeys.PreviousFilesSetting, missing.Message);
        await using var withNone = _ring.App(null);
        Assert.Contains(KeyEncryptionKeys.FileSetting, Find<KeyEncryptionKeyMissingException>(StartFailure(withNone)).Message);
    }

    [Fact]
    public async Task A_key_ring_stored_in_clear_is_wrapped_at_start_up_once_a_key_is_configured()
    {
        (string, byte[]) written;
        await using (var legacy = _ring.App(null))
            written = Write(legacy, "0x52908400098527886E0F7030069857D2E4169EE7");
        Assert.All(await _ring.StoredXmlAsync(), xml => Assert.Contains("<value>", xml)); // as before this change

        var a = _ring.NewKeyFile("kek-a");
        await using (var upgraded = _ring.App(a.Path))
            AssertReads(upgraded, "0x52908400098527886E0F7030069857D2E4169EE7", written);
        await AssertWrappedWithAsync(a.Id);
    }

    [Fact]
    public async Task An_unreadable_or_malformed_key_file_stops_start_up_naming_the_setting()
    {
        foreach (var path in new[] { Path.Combine(Path.GetTempPath(), "no-such-hirevet-kek"), _ring.FileWith("short", "c2hvcnQ="), _ring.FileWith("junk", "not base64!") })
        {
            await using var app = _ring.App(path);
            var e = Find<InvalidOperationException>(StartFailure(app));
            Assert.StartsWith(KeyEncryptionKeys.FileSetting, e.Message);
            Assert.Contains(path, e.Message);
        }
        var good = _ring.NewKeyFile("good");
        await using var previousBroken = _ring.App(good.Path, _ring.FileWith("empty", ""));
        Assert.StartsWith($"{KeyEncryptionKeys.PreviousFilesSetting}:0", Find<InvalidOperationException>(StartFailure(previousBroken)).Message);
    }

    [Fact]
    public async Task Admins_see_on_the_reference_data_page_when_the_key_ring_is_stored_in_clear()
    {
        await using (var withoutKey = _ring.App(null))
            Assert.Contains("id=\"key-ring-unencrypted\"", await (await KeyRingSandbox.ClientAsync(withoutKey, Roles.Admin)).GetStringAsync("/admin/reference-data"));
        await using var withKey = _ring.App(_ring.NewKeyFile("kek").Path);
        var page = await (await KeyRingSandbox.ClientAsync(withKey, Roles.Admin)).GetStringAsync("/admin/reference-data");
        Assert.Contains("id=\"datasets\"", page);
        Assert.DoesNotContain("key-ring-unencrypted", page);
    }

    [Fact]
    public void The_key_file_command_writes_an_owner_only_key_and_never_overwrites()
    {
        var path = Path.Combine(Path.GetTempPath(), $"hirevet-kek-{Guid.NewGuid():N}");
        try
        {
            Assert.Equal(0, AdminCli.CreateKeyEncryptionKeyFile(["--out", path]));
            var key = File.ReadAllText(path);
            Assert.Equal(KeyEncryptionKeys.KeyBytes, Convert.FromBase64String(key.Trim()).Length);
            if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));

            Assert.Equal(1, AdminCli.CreateKeyEncryptionKeyFile(["--out", path]));
            Assert.Equal(key, File.ReadAllText(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
