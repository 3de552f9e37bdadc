using HireVet.Application.Common.Formats;
using HireVet.Application.Common.Formats.Banking;

namespace HireVet.Application.Dossiers;

/// <summary>Puts a validated dossier into its stored form: trimmed, phone numbers in E.164, codes upper-case, IBAN
/// without spaces. Equal dossiers then hash equal, which makes resubmission idempotent.</summary>
public static class DossierNormalizer
{
    public static T Normalize<T>(T d) where T : Dossier => d with
    {
        ExternalId = d.ExternalId?.Trim(),
        ReferrerId = string.IsNullOrWhiteSpace(d.ReferrerId) ? null : d.ReferrerId.Trim(),
        LegalName = Clean(d.LegalName),
        OtherNames = d.OtherNames?.Select(n => Clean(n)!).ToArray(),
        Email = d.Email?.Trim().ToLowerInvariant(),
        Phone = PhoneNumber.NormalizeE164(d.Phone),
        ClaimedResidence = Address(d.ClaimedResidence),
        IdentityDocument = d.IdentityDocument is null ? null : d.IdentityDocument with
        {
            Type = Vocabulary.DocumentTypes.Canonical(d.IdentityDocument.Type) ?? d.IdentityDocument.Type,
            IssuingCountry = d.IdentityDocument.IssuingCountry?.Trim().ToUpperInvariant(),
            Number = d.IdentityDocument.Number?.Trim().ToUpperInvariant(),
            NameOnDocument = Clean(d.IdentityDocument.NameOnDocument),
            Address = Address(d.IdentityDocument.Address),
        },
        Profiles = d.Profiles?.Select(p => p with { Kind = Vocabulary.ProfileKinds.Canonical(p.Kind) ?? p.Kind }).ToArray(),
        References = d.References?.Select(r => r with { Email = r.Email?.Trim().ToLowerInvariant(), Phone = PhoneNumber.NormalizeE164(r.Phone) }).ToArray(),
        PayrollDestination = d.PayrollDestination is null ? null : d.PayrollDestination with
        {
            Method = Vocabulary.PayrollMethods.Canonical(d.PayrollDestination.Method) ?? d.PayrollDestination.Method,
            AccountHolderName = Clean(d.PayrollDestination.AccountHolderName),
            BankCountry = d.PayrollDestination.BankCountry?.Trim().ToUpperInvariant(),
            Iban = d.PayrollDestination.Iban is null ? null : Iban.Normalize(d.PayrollDestination.Iban),
            AccountNumber = d.PayrollDestination.AccountNumber?.Replace(" ", "").Replace("-", "").ToUpperInvariant(),
            PlatformAccountEmail = d.PayrollDestination.PlatformAccountEmail?.Trim().ToLowerInvariant(),
            WalletTicker = d.PayrollDestination.WalletTicker?.Trim().ToUpperInvariant(),
            WalletAddress = d.PayrollDestination.WalletAddress?.Trim(),
        },
        EquipmentShipping = d.EquipmentShipping is null ? null : d.EquipmentShipping with
        {
            RecipientName = Clean(d.EquipmentShipping.RecipientName),
            Address = Address(d.EquipmentShipping.Address),
        },
    };

    private static string? Clean(string? s) => s is null ? null : string.Join(' ', s.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static PostalAddress? Address(PostalAddress? a) => a is null ? null : a with
    {
        Line1 = Clean(a.Line1), Line2 = Clean(a.Line2), City = Clean(a.City), Region = Clean(a.Region),
        PostalCode = Clean(a.PostalCode), Country = a.Country?.Trim().ToUpperInvariant(),
    };
}
