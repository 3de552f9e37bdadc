using HireVet.Application.Dossiers.Addresses;

namespace HireVet.Application.Dossiers;

/// <summary>The identifiers on which candidates are linked. Values are normalised so that formatting differences do
/// not hide a match; `Display` is what a reviewer sees (masked for sensitive values).</summary>
public static class CandidateIdentifiers
{
    public static class Kinds
    {
        public const string Email = "email";
        public const string Phone = "phone";
        public const string IdDocument = "id_document";
        public const string BankAccount = "bank_account";
        public const string Wallet = "wallet";
        public const string ShippingAddress = "shipping_address";
        public const string Ip = "ip";
    }

    public sealed record Identifier(string Kind, string Value, string Display);

    public static IReadOnlyList<Identifier> From(Dossier d)
    {
        var ids = new List<Identifier>();
        if (d.Email is { Length: > 0 } email) ids.Add(new(Kinds.Email, email, email));
        if (d.Phone is { Length: > 0 } phone) ids.Add(new(Kinds.Phone, phone, phone));
        if (d.IdentityDocument is { Number: { Length: > 0 } number } doc)
        {
            var value = $"{doc.IssuingCountry}:{new string(number.Where(char.IsLetterOrDigit).ToArray())}";
            ids.Add(new(Kinds.IdDocument, value, $"{doc.Type} {doc.IssuingCountry} {Mask(number)}"));
        }
        if (d.PayrollDestination is { } pay)
        {
            if (pay.Iban is { Length: > 0 } iban) ids.Add(new(Kinds.BankAccount, $"IBAN:{iban}", $"IBAN {Mask(iban)}"));
            else if (pay.AccountNumber is { Length: > 0 } account)
                ids.Add(new(Kinds.BankAccount, $"ACCT:{pay.RoutingNumber}:{account}",
                    $"account {Mask(account)}{(pay.RoutingNumber is null ? "" : $" routing {pay.RoutingNumber}")}"));
            if (pay.PlatformAccountEmail is { Length: > 0 } platformEmail)
                ids.Add(new(Kinds.BankAccount, $"PLATFORM:{platformEmail}", $"{pay.Platform ?? "platform"} account {platformEmail}"));
            if (pay.WalletAddress is { Length: > 0 } wallet)
            {
                // EVM addresses are hex and case-insensitive (the case is only a checksum); others are case-sensitive.
                var value = wallet.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? wallet.ToLowerInvariant() : wallet;
                ids.Add(new(Kinds.Wallet, value, $"{pay.WalletTicker} wallet {Mask(wallet)}"));
            }
        }
        if (d.EquipmentShipping?.Address is { } ship)
        {
            ids.Add(new(Kinds.ShippingAddress, AddressNormalizer.Normalize(ship.ToParts()), ship.OneLine()));
        }
        var ips = (d.NetworkObservations ?? []).Select(o => o.Ip).Concat((d.Interviews ?? []).Select(i => i.Ip));
        foreach (var ip in ips.OfType<string>().Select(NetworkSightings.NormalizeIp).Distinct())
            ids.Add(new(Kinds.Ip, ip, ip));
        return ids;
    }

    public static string Mask(string value) =>
        value.Length <= 4 ? new string('•', value.Length) : $"••••{value[^4..]}";
}
