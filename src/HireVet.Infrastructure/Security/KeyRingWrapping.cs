using System.Xml.Linq;
using HireVet.Infrastructure.Database;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace HireVet.Infrastructure.Security;

/// <summary>Keeps the stored key ring wrapped with the current key-encryption key. At start-up it wraps the elements
/// an older HireVet stored in clear (an existing install upgrades with no step) and refuses to run when an element
/// names a KEK that is not configured; the admin command re-wraps every element with the current KEK so a previous one
/// can be retired. Both run in one transaction that locks the rows, so two nodes starting together take turns.</summary>
public sealed class KeyRingWrapping(AppDataSource dataSource, KeyEncryptionKeys keys, ILogger<KeyRingWrapping> logger)
{
    private static readonly XNamespace DataProtectionNs = "http://schemas.asp.net/2015/03/dataProtection";
    private static readonly XName EncryptedSecret = DataProtectionNs + "encryptedSecret";
    private static readonly XName RequiresEncryption = DataProtectionNs + "requiresEncryption";
    private static readonly string DecryptorType = typeof(KeyRingXmlDecryptor).AssemblyQualifiedName!;

    public sealed record Result(int Elements, int WrappedFromClear, int Rewrapped, int AlreadyCurrent);

    private enum Mode { CheckOnly, WrapClear, RewrapAll }

    /// <summary>At start-up: with a KEK, wraps elements stored in clear; without one, warns. Either way an element
    /// wrapped with an unknown KEK stops start-up with the setting to fix.</summary>
    public async Task PrepareAsync(CancellationToken ct = default)
    {
        if (!keys.Configured)
        {
            await RunAsync(Mode.CheckOnly, ct);
            logger.LogWarning("No key-encryption key is configured ({Setting}): the Data Protection key ring is stored unencrypted in the database, so a database dump reveals the protected values. See docs/key-management.md.",
                KeyEncryptionKeys.FileSetting);
            return;
        }
        var result = await RunAsync(Mode.WrapClear, ct);
        if (result.WrappedFromClear > 0)
            logger.LogInformation("Wrapped {Count} Data Protection key ring elements stored in clear with key-encryption key {KeyId}.", result.WrappedFromClear, keys.CurrentId);
    }

    /// <summary>Re-encrypts every element with the current KEK (those in clear, and those under a previous KEK).</summary>
    public Task<Result> RewrapAllAsync(CancellationToken ct = default) => keys.Configured
        ? RunAsync(Mode.RewrapAll, ct)
        : throw new InvalidOperationException($"No key-encryption key is configured: set {KeyEncryptionKeys.FileSetting} to the new key's file first.");

    private async Task<Result> RunAsync(Mode mode, CancellationToken ct)
    {
        await using var connection = await dataSource.Value.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var rows = new List<(long Id, string Name, string Xml)>();
        await using (var select = new NpgsqlCommand(
            $"select id, friendly_name, xml from data_protection_keys order by id{(mode == Mode.CheckOnly ? "" : " for update")}", connection, transaction))
        await using (var reader = await select.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));

        int wrapped = 0, rewrapped = 0, current = 0;
        foreach (var (id, name, xml) in rows)
        {
            var root = XElement.Parse(xml);
            var changed = false;
            foreach (var secret in root.DescendantsAndSelf(EncryptedSecret).ToList())
            {
                if (!((string?)secret.Attribute("decryptorType") ?? "").StartsWith(typeof(KeyRingXmlDecryptor).FullName + ",", StringComparison.Ordinal))
                {
                    if (mode == Mode.RewrapAll)
                        throw new InvalidOperationException($"Key ring element {name} is encrypted by {(string?)secret.Attribute("decryptorType")}, not by HireVet's key-encryption key; HireVet cannot re-wrap it.");
                    continue;
                }
                var payload = secret.Elements().Single();
                var kek = KeyEncryptionKeys.KeyIdOf(payload);
                if (!keys.KnownIds.Contains(kek)) throw new KeyEncryptionKeyMissingException(kek, keys.CurrentId);
                if (mode != Mode.RewrapAll || kek == keys.CurrentId)
                {
                    current++;
                    continue;
                }
                secret.ReplaceWith(Wrap(keys.Decrypt(payload)));
                rewrapped++;
                changed = true;
            }
            if (mode == Mode.CheckOnly) continue;
            foreach (var clear in root.DescendantsAndSelf().Where(e => (bool?)e.Attribute(RequiresEncryption) == true).ToList())
            {
                clear.ReplaceWith(Wrap(clear));
                wrapped++;
                changed = true;
            }
            if (!changed) continue;
            await using var update = new NpgsqlCommand("update data_protection_keys set xml = $1 where id = $2", connection, transaction);
            update.Parameters.AddWithValue(root.ToString(SaveOptions.DisableFormatting));
            update.Parameters.AddWithValue(id);
            await update.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return new Result(rows.Count, wrapped, rewrapped, current);
    }

    // The same shape Data Protection writes when it encrypts a key itself.
    private XElement Wrap(XElement plaintext) =>
        new(EncryptedSecret, new XAttribute("decryptorType", DecryptorType), keys.Encrypt(plaintext));
}
