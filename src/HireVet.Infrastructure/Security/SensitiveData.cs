using System.Security.Cryptography;
using System.Text;
using HireVet.Application.Common.Security;
using Microsoft.AspNetCore.DataProtection;
using HireVet.Infrastructure.Database;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace HireVet.Infrastructure.Security;

/// <summary>Encrypts sensitive dossier values with Data Protection and hashes identifiers with HMAC-SHA256. The HMAC
/// key comes from configuration (Security:IdentifierHashKey, base64) or, when none is set, is generated once and kept
/// in the database protected by Data Protection, so all nodes hash alike.</summary>
public sealed class SensitiveData(IDataProtectionProvider provider, AppDataSource dataSource, IConfiguration configuration) : ISensitiveData
{
    private const string SecretName = "identifier-hash-key";
    private readonly IDataProtector _values = provider.CreateProtector("HireVet.SensitiveValues.v1");
    private readonly Lazy<byte[]> _hashKey = new(() => configuration["Security:IdentifierHashKey"] is { Length: > 0 } configured
        ? Convert.FromBase64String(configured)
        : LoadOrCreateKey(dataSource.Value, provider.CreateProtector("HireVet.Secrets.v1")));

    public string Protect(string plaintext) => _values.Protect(plaintext);

    public string Unprotect(string protectedText) => _values.Unprotect(protectedText);

    public byte[] KeyedHash(string kind, string normalizedValue) =>
        HMACSHA256.HashData(_hashKey.Value, Encoding.UTF8.GetBytes($"{kind}:{normalizedValue}"));

    private static byte[] LoadOrCreateKey(NpgsqlDataSource db, IDataProtector protector)
    {
        using (var insert = db.CreateCommand("insert into protected_secrets (name, protected_value) values ($1, $2) on conflict (name) do nothing"))
        {
            insert.Parameters.AddWithValue(SecretName);
            insert.Parameters.AddWithValue(protector.Protect(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
            insert.ExecuteNonQuery();
        }
        using var select = db.CreateCommand("select protected_value from protected_secrets where name = $1");
        select.Parameters.AddWithValue(SecretName);
        return Convert.FromBase64String(protector.Unprotect((string)select.ExecuteScalar()!));
    }
}
