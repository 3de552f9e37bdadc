using HireVet.Application.Access;
using HireVet.Application.Common.Security;
using HireVet.Infrastructure.Security;
using HireVet.Web.Security;
using MediatR;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using HireVet.IntegrationTests.Infrastructure;

namespace HireVet.IntegrationTests.Security;

/// <summary>Lets a test start apps with key-encryption keys of its own on an empty key ring. The fixture's reset keeps
/// the key ring (the fixture's app caches it), so the sandbox sets the ring and the identifier hash key aside, and puts
/// them back as they were when the test ends: later tests' apps read what the fixture's app wrote.</summary>
public sealed class KeyRingSandbox(DatabaseFixture db) : IAsyncDisposable
{
    private sealed class KeyRow { public long Id { get; init; } public string FriendlyName { get; init; } = ""; public string Xml { get; init; } = ""; public DateTimeOffset CreatedAt { get; init; } }
    private sealed class SecretRow { public string Name { get; init; } = ""; public string ProtectedValue { get; init; } = ""; public DateTimeOffset CreatedAt { get; init; } }

    private KeyRow[] _keys = [];
    private SecretRow[] _secrets = [];
    private readonly string _directory = Directory.CreateTempSubdirectory("hirevet-kek-").FullName;

    public async Task StartAsync()
    {
        _keys = await db.QueryAsync<KeyRow>("select id, friendly_name, xml, created_at from data_protection_keys order by id");
        _secrets = await db.QueryAsync<SecretRow>("select name, protected_value, created_at from protected_secrets");
        await db.ExecuteAsync("delete from data_protection_keys; delete from protected_secrets");
    }

    public async ValueTask DisposeAsync()
    {
        await db.ExecuteAsync("delete from data_protection_keys; delete from protected_secrets");
        foreach (var k in _keys)
            await db.ExecuteAsync("insert into data_protection_keys (id, friendly_name, xml, created_at) overriding system value values (@Id, @FriendlyName, @Xml, @CreatedAt)", k);
        foreach (var s in _secrets)
            await db.ExecuteAsync("insert into protected_secrets (name, protected_value, created_at) values (@Name, @ProtectedValue, @CreatedAt)", s);
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>A new key file; returns its path and the key's id.</summary>
    public (string Path, string Id) NewKeyFile(string name)
    {
        var key = KeyEncryptionKeys.Generate();
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, key + "\n");
        return (path, KeyEncryptionKeys.IdOf(Convert.FromBase64String(key)));
    }

    public string FileWith(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>An app whose current KEK is <paramref name="current"/> (null: none) and that also decrypts with the previous ones.</summary>
    public HireVetFactory App(string? current, params string[] previous)
    {
        var settings = new Dictionary<string, string?>();
        if (current is not null) settings[KeyEncryptionKeys.FileSetting] = current;
        for (var i = 0; i < previous.Length; i++) settings[$"{KeyEncryptionKeys.PreviousFilesSetting}:{i}"] = previous[i];
        return new HireVetFactory(db.ConnectionString, jobsEnabled: false, settings);
    }

    /// <summary>An HTTP client of that app with a new API key of the given role.</summary>
    public static async Task<HttpClient> ClientAsync(HireVetFactory app, string role)
    {
        string key;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Explicit = new Actor("key-ring-test", Roles.Admin);
            key = (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CreateApiKey.Command { Name = $"key-ring-{role}", Role = role })).Key;
        }
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, key);
        return client;
    }

    /// <summary>The stored key ring, as the database holds it.</summary>
    public Task<string[]> StoredXmlAsync() => db.QueryAsync<string>("select xml from data_protection_keys order by id");
}
