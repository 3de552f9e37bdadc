using System.Text.Json;
using HireVet.Application.Common.Security;

namespace HireVet.Application.Dossiers;

/// <summary>The personal data of an identity-verification result, encrypted at rest as one Data Protection payload
/// (as <see cref="SensitiveFields"/> are for the dossier): the verified name and date of birth.</summary>
public sealed record IdentityVerificationSecrets
{
    public string? VerifiedName { get; init; }
    public DateOnly? DateOfBirth { get; init; }

    public string Protect(ISensitiveData sensitive) => sensitive.Protect(JsonSerializer.Serialize(this, DossierJson.Options));

    /// <summary>None when the candidate was redacted (the row is deleted then, but an empty payload reads as nothing).</summary>
    public static IdentityVerificationSecrets Read(ISensitiveData sensitive, string protectedText) =>
        protectedText.Length == 0 ? new() : JsonSerializer.Deserialize<IdentityVerificationSecrets>(sensitive.Unprotect(protectedText), DossierJson.Options)!;
}
