using System.Text.Json;
using HireVet.Application.Common.Security;

namespace HireVet.Application.Dossiers;

/// <summary>The dossier values encrypted at rest. They are taken out of the stored dossier JSON and kept, as one
/// Data Protection payload, beside it.</summary>
public sealed record SensitiveFields
{
    public DateOnly? DateOfBirth { get; init; }
    public string? DocumentNumber { get; init; }
    public DateOnly? DocumentDateOfBirth { get; init; }
    public string? Iban { get; init; }
    public string? AccountNumber { get; init; }
    public string? WalletAddress { get; init; }

    /// <summary>The stored (encrypted) sensitive fields; none when the candidate was redacted (stored as "").</summary>
    public static SensitiveFields Read(ISensitiveData sensitive, string protectedText) =>
        protectedText.Length == 0 ? new SensitiveFields() : JsonSerializer.Deserialize<SensitiveFields>(sensitive.Unprotect(protectedText), DossierJson.Options)!;

    public static (Dossier Redacted, SensitiveFields Sensitive) Split(Dossier d) =>
    (
        d with
        {
            DateOfBirth = null,
            IdentityDocument = d.IdentityDocument is null ? null : d.IdentityDocument with { Number = null, DateOfBirth = null },
            PayrollDestination = d.PayrollDestination is null ? null
                : d.PayrollDestination with { Iban = null, AccountNumber = null, WalletAddress = null },
        },
        new SensitiveFields
        {
            DateOfBirth = d.DateOfBirth,
            DocumentNumber = d.IdentityDocument?.Number,
            DocumentDateOfBirth = d.IdentityDocument?.DateOfBirth,
            Iban = d.PayrollDestination?.Iban,
            AccountNumber = d.PayrollDestination?.AccountNumber,
            WalletAddress = d.PayrollDestination?.WalletAddress,
        }
    );

    public Dossier MergeInto(Dossier redacted) => redacted with
    {
        DateOfBirth = DateOfBirth,
        IdentityDocument = redacted.IdentityDocument is null ? null
            : redacted.IdentityDocument with { Number = DocumentNumber, DateOfBirth = DocumentDateOfBirth },
        PayrollDestination = redacted.PayrollDestination is null ? null
            : redacted.PayrollDestination with { Iban = Iban, AccountNumber = AccountNumber, WalletAddress = WalletAddress },
    };
}
