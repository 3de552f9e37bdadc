using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.Extensions.Configuration;

namespace HireVet.Infrastructure.Security;

/// <summary>The key-encryption keys (KEK) that wrap the Data Protection key ring at rest: the current one, which
/// encrypts, and previous ones kept during a rotation, which only decrypt. Each is 32 random bytes, base64, in a file
/// named by configuration (or inline), never in the database. A wrapped element names its KEK by id (the first 8
/// bytes of the key's SHA-256, hex), so a rotation knows which key to use and an error can say which one is missing.</summary>
public sealed class KeyEncryptionKeys
{
    public const string FileSetting = "DataProtection:KeyEncryptionKeyFile";
    public const string InlineSetting = "DataProtection:KeyEncryptionKey";
    public const string PreviousFilesSetting = "DataProtection:PreviousKeyEncryptionKeyFiles";
    public const int KeyBytes = 32;

    internal static readonly XNamespace Ns = "urn:hirevet:key-ring-encryption";
    internal static readonly XName EncryptedElementName = Ns + "encryptedElement";
    private const int NonceBytes = 12, TagBytes = 16;
    private static readonly byte[] Purpose = "HireVet.DataProtection.KeyRing.v1"u8.ToArray();

    private readonly Dictionary<string, byte[]> _byId;

    /// <summary>Null when no KEK is configured: the key ring then stays unencrypted (development and tests).</summary>
    public string? CurrentId { get; }
    public IReadOnlyCollection<string> KnownIds => _byId.Keys;
    public bool Configured => CurrentId is not null;

    private KeyEncryptionKeys(byte[]? current, IEnumerable<byte[]> previous)
    {
        _byId = [];
        foreach (var key in previous) _byId[IdOf(key)] = key;
        if (current is null) return;
        CurrentId = IdOf(current);
        _byId[CurrentId] = current;
    }

    public static KeyEncryptionKeys None { get; } = new(null, []);

    /// <summary>Reads the keys named in configuration; an unreadable or malformed one stops start-up naming its setting.</summary>
    public static KeyEncryptionKeys From(IConfiguration configuration)
    {
        byte[]? current = null;
        if (configuration[FileSetting] is { Length: > 0 } file)
        {
            if (configuration[InlineSetting] is { Length: > 0 })
                throw new InvalidOperationException($"Set either {FileSetting} or {InlineSetting}, not both.");
            current = ReadFile(FileSetting, file);
        }
        else if (configuration[InlineSetting] is { Length: > 0 } inline)
            current = Parse(InlineSetting, "its value", inline);
        var previous = configuration.GetSection(PreviousFilesSetting).GetChildren()
            .Where(c => c.Value is { Length: > 0 })
            .Select(c => ReadFile($"{PreviousFilesSetting}:{c.Key}", c.Value!)).ToList();
        if (current is null && previous.Count > 0)
            throw new InvalidOperationException($"{PreviousFilesSetting} is set but {FileSetting} is not: previous keys only decrypt, a current key is needed.");
        return new KeyEncryptionKeys(current, previous);
    }

    /// <summary>A new key, base64, as a key file holds it.</summary>
    public static string Generate() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes));

    public static string IdOf(byte[] key) => Convert.ToHexStringLower(SHA256.HashData(key).AsSpan(0, 8));

    private static byte[] ReadFile(string setting, string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InvalidOperationException($"{setting}: the key-encryption key file {path} cannot be read ({e.Message}).", e);
        }
        return Parse(setting, $"the file {path}", text);
    }

    private static byte[] Parse(string setting, string what, string text)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            key = [];
        }
        return key.Length == KeyBytes ? key : throw new InvalidOperationException(
            $"{setting}: {what} does not hold a base64 key of {KeyBytes} bytes. Create one with ./hirevet admin create-key-encryption-key --out FILE.");
    }

    /// <summary>Encrypts an element with the current KEK (AES-256-GCM; the KEK id is authenticated with it).</summary>
    public XElement Encrypt(XElement plaintextElement)
    {
        var id = CurrentId ?? throw new InvalidOperationException($"No key-encryption key is configured ({FileSetting}).");
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[NonceBytes + TagBytes + plaintext.Length];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(_byId[id], TagBytes))
            aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), AssociatedData(id));
        CryptographicOperations.ZeroMemory(plaintext);
        return new XElement(EncryptedElementName, new XAttribute("kek", id), new XAttribute("algorithm", "AES-256-GCM"),
            Convert.ToBase64String(sealedBytes));
    }

    /// <summary>The id of the KEK an encrypted element names.</summary>
    public static string KeyIdOf(XElement encryptedElement) =>
        encryptedElement.Name == EncryptedElementName && (string?)encryptedElement.Attribute("kek") is { Length: > 0 } id
            ? id
            : throw new InvalidOperationException($"A Data Protection key ring element is not one HireVet's key-encryption key wrapped ({encryptedElement.Name}).");

    public XElement Decrypt(XElement encryptedElement)
    {
        var id = KeyIdOf(encryptedElement);
        if (!_byId.TryGetValue(id, out var key))
            throw new KeyEncryptionKeyMissingException(id, CurrentId);
        var sealedBytes = Convert.FromBase64String(encryptedElement.Value);
        if (sealedBytes.Length < NonceBytes + TagBytes)
            throw new InvalidOperationException($"A Data Protection key ring element wrapped with key-encryption key {id} is truncated.");
        var plaintext = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        try
        {
            using var aes = new AesGcm(key, TagBytes);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes),
                plaintext, AssociatedData(id));
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new InvalidOperationException($"A Data Protection key ring element wrapped with key-encryption key {id} fails authentication: it was altered.");
        }
        try
        {
            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    private static byte[] AssociatedData(string id) => [.. Purpose, .. Encoding.ASCII.GetBytes(id)];
}

/// <summary>The key ring holds an element wrapped with a KEK that is not configured.</summary>
public sealed class KeyEncryptionKeyMissingException(string keyId, string? currentId) : InvalidOperationException(currentId is null
    ? $"The Data Protection key ring in the database is encrypted with key-encryption key {keyId}, but no key-encryption key is configured: set {KeyEncryptionKeys.FileSetting} to that key's file."
    : $"The Data Protection key ring in the database holds an element encrypted with key-encryption key {keyId}, which is neither {KeyEncryptionKeys.FileSetting} (key {currentId}) nor one of {KeyEncryptionKeys.PreviousFilesSetting}: add that key's file to {KeyEncryptionKeys.PreviousFilesSetting}.")
{
    public string KeyId { get; } = keyId;
}
