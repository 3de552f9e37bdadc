namespace HireVet.Application.Common.Security;

/// <summary>Encryption at rest and keyed hashing for sensitive values (ID numbers, bank accounts, wallets, dates of
/// birth). Hashes let candidates be matched on a value without decrypting it.</summary>
public interface ISensitiveData
{
    string Protect(string plaintext);
    string Unprotect(string protectedText);

    /// <summary>HMAC-SHA256 of "kind:value" under a secret key, so equal values hash equal and the hash reveals nothing.</summary>
    byte[] KeyedHash(string kind, string normalizedValue);
}
