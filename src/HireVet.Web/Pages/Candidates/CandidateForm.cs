using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using FluentValidation;
using FluentValidation.Results;
using HireVet.Application.Candidates;
using HireVet.Application.Dossiers;

namespace HireVet.Web.Pages.Candidates;

/// <summary>The new-candidate form as posted: one flat string per input. <see cref="ToCommand"/> turns it into the same
/// command the API receives: empty inputs become null, and a nested object whose inputs are all empty becomes null, so
/// the application validates it exactly as it validates JSON.</summary>
public sealed partial class CandidateForm
{
    /// <summary>One input: its element id (also its property name here, camel-cased), its label, the JSON path the
    /// validator reports it under, and the fieldset it belongs to.</summary>
    public sealed record Field(string Id, string Label, string JsonPath, string? Section = null)
    {
        public string SummaryLabel => Section is null ? Label : $"{Section}: {Label}";
    }

    private const string Residence = "Claimed residence", Document = "Identity document", Payroll = "Payroll destination",
        Shipping = "Equipment shipping";

    public static readonly Field[] Fields =
    [
        new("externalId", "External id", "externalId"),
        new("source", "Source", "source"),
        new("role", "Role applied for", "role"),
        new("legalName", "Legal name", "legalName"),
        new("otherNames", "Other names", "otherNames"),
        new("dateOfBirth", "Date of birth", "dateOfBirth"),
        new("email", "Email", "email"),
        new("phone", "Phone", "phone"),
        new("residenceLine1", "Address line 1", "claimedResidence.line1", Residence),
        new("residenceLine2", "Address line 2", "claimedResidence.line2", Residence),
        new("residenceCity", "City", "claimedResidence.city", Residence),
        new("residenceRegion", "State or region", "claimedResidence.region", Residence),
        new("residencePostalCode", "Postal code", "claimedResidence.postalCode", Residence),
        new("residenceCountry", "Country", "claimedResidence.country", Residence),
        new("claimedTimeZone", "Time zone", "claimedTimeZone"),
        new("documentType", "Document type", "identityDocument.type", Document),
        new("documentIssuingCountry", "Issuing country", "identityDocument.issuingCountry", Document),
        new("documentNumber", "Document number", "identityDocument.number", Document),
        new("documentName", "Name on document", "identityDocument.nameOnDocument", Document),
        new("documentLine1", "Address line 1", "identityDocument.address.line1", Document),
        new("documentCity", "City", "identityDocument.address.city", Document),
        new("documentPostalCode", "Postal code", "identityDocument.address.postalCode", Document),
        new("documentCountry", "Address country", "identityDocument.address.country", Document),
        new("payrollMethod", "Method", "payrollDestination.method", Payroll),
        new("accountHolderName", "Account holder name", "payrollDestination.accountHolderName", Payroll),
        new("bankName", "Bank name", "payrollDestination.bankName", Payroll),
        new("bankCountry", "Bank country", "payrollDestination.bankCountry", Payroll),
        new("iban", "IBAN", "payrollDestination.iban", Payroll),
        new("accountNumber", "Account number", "payrollDestination.accountNumber", Payroll),
        new("routingNumber", "Routing number", "payrollDestination.routingNumber", Payroll),
        new("walletTicker", "Wallet currency", "payrollDestination.walletTicker", Payroll),
        new("walletAddress", "Wallet address", "payrollDestination.walletAddress", Payroll),
        new("shippingRecipient", "Recipient name", "equipmentShipping.recipientName", Shipping),
        new("shippingLine1", "Address line 1", "equipmentShipping.address.line1", Shipping),
        new("shippingCity", "City", "equipmentShipping.address.city", Shipping),
        new("shippingRegion", "State or region", "equipmentShipping.address.region", Shipping),
        new("shippingPostalCode", "Postal code", "equipmentShipping.address.postalCode", Shipping),
        new("shippingCountry", "Country", "equipmentShipping.address.country", Shipping),
        new("referredBy", "Referred by", "referredBy"),
        new("referrerId", "Referrer's candidate id", "referrerId"),
        new("resumeText", "Résumé text", "resumeText"),
    ];

    private static readonly Dictionary<string, Field> ById = Fields.ToDictionary(f => f.Id);
    private static readonly Dictionary<string, Field> ByJsonPath = Fields.ToDictionary(f => f.JsonPath);

    public static Field Get(string id) => ById[id];

    /// <summary>The input a validation error belongs to: "claimedResidence.country" → residenceCountry; list items
    /// ("otherNames[1]") belong to the list's input. Null when the form has no such input.</summary>
    public static Field? ForError(string propertyName) =>
        ByJsonPath.GetValueOrDefault(IndexPattern().Replace(propertyName, ""));

    public string? ExternalId { get; set; }
    public string? Source { get; set; }
    public string? Role { get; set; }
    public string? LegalName { get; set; }
    /// <summary>Comma-separated.</summary>
    public string? OtherNames { get; set; }
    /// <summary>yyyy-MM-dd, as a date input posts it.</summary>
    public string? DateOfBirth { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? ResidenceLine1 { get; set; }
    public string? ResidenceLine2 { get; set; }
    public string? ResidenceCity { get; set; }
    public string? ResidenceRegion { get; set; }
    public string? ResidencePostalCode { get; set; }
    public string? ResidenceCountry { get; set; }
    public string? ClaimedTimeZone { get; set; }
    public string? DocumentType { get; set; }
    public string? DocumentIssuingCountry { get; set; }
    public string? DocumentNumber { get; set; }
    public string? DocumentName { get; set; }
    public string? DocumentLine1 { get; set; }
    public string? DocumentCity { get; set; }
    public string? DocumentPostalCode { get; set; }
    public string? DocumentCountry { get; set; }
    public string? PayrollMethod { get; set; }
    public string? AccountHolderName { get; set; }
    public string? BankName { get; set; }
    public string? BankCountry { get; set; }
    public string? Iban { get; set; }
    public string? AccountNumber { get; set; }
    public string? RoutingNumber { get; set; }
    public string? WalletTicker { get; set; }
    public string? WalletAddress { get; set; }
    public string? ShippingRecipient { get; set; }
    public string? ShippingLine1 { get; set; }
    public string? ShippingCity { get; set; }
    public string? ShippingRegion { get; set; }
    public string? ShippingPostalCode { get; set; }
    public string? ShippingCountry { get; set; }
    public string? ReferredBy { get; set; }
    public string? ReferrerId { get; set; }
    public string? ResumeText { get; set; }

    /// <summary>Each field's property, found once: a field without a property fails the first request loudly.</summary>
    private static readonly Dictionary<string, PropertyInfo> Properties = Fields.ToDictionary(f => f.Id, f =>
        typeof(CandidateForm).GetProperty(f.Id, BindingFlags.IgnoreCase | BindingFlags.Public | BindingFlags.Instance)
        ?? throw new InvalidOperationException($"CandidateForm has no property for the input '{f.Id}'."));

    /// <summary>The posted name of an input: its property under the page model's <c>Form</c> property.</summary>
    public static string InputName(string id) => "Form." + Properties[id].Name;

    /// <summary>The value an input shows (again, after a failed submission).</summary>
    public string? ValueOf(string id) => (string?)Properties[id].GetValue(this);

    /// <exception cref="ValidationException">When the date of birth is not a date (the only input that is parsed here).</exception>
    public SubmitCandidate.Command ToCommand() => new()
    {
        ExternalId = N(ExternalId),
        Source = N(Source),
        Role = N(Role),
        LegalName = N(LegalName),
        OtherNames = Names(OtherNames),
        DateOfBirth = Date(DateOfBirth, "dateOfBirth"),
        Email = N(Email),
        Phone = N(Phone),
        ClaimedResidence = Address(ResidenceLine1, ResidenceLine2, ResidenceCity, ResidenceRegion, ResidencePostalCode, ResidenceCountry),
        ClaimedTimeZone = N(ClaimedTimeZone),
        IdentityDocument = AllEmpty(DocumentType, DocumentIssuingCountry, DocumentNumber, DocumentName,
                DocumentLine1, DocumentCity, DocumentPostalCode, DocumentCountry)
            ? null
            : new IdentityDocument
            {
                Type = N(DocumentType), IssuingCountry = N(DocumentIssuingCountry), Number = N(DocumentNumber),
                NameOnDocument = N(DocumentName),
                Address = Address(DocumentLine1, null, DocumentCity, null, DocumentPostalCode, DocumentCountry),
            },
        PayrollDestination = AllEmpty(PayrollMethod, AccountHolderName, BankName, BankCountry, Iban, AccountNumber,
                RoutingNumber, WalletTicker, WalletAddress)
            ? null
            : new PayrollDestination
            {
                Method = N(PayrollMethod), AccountHolderName = N(AccountHolderName), BankName = N(BankName),
                BankCountry = N(BankCountry), Iban = N(Iban), AccountNumber = N(AccountNumber), RoutingNumber = N(RoutingNumber),
                WalletTicker = N(WalletTicker), WalletAddress = N(WalletAddress),
            },
        EquipmentShipping = AllEmpty(ShippingRecipient, ShippingLine1, ShippingCity, ShippingRegion, ShippingPostalCode, ShippingCountry)
            ? null
            : new EquipmentShipping
            {
                RecipientName = N(ShippingRecipient),
                Address = Address(ShippingLine1, null, ShippingCity, ShippingRegion, ShippingPostalCode, ShippingCountry),
            },
        ReferredBy = N(ReferredBy),
        ReferrerId = N(ReferrerId),
        ResumeText = N(ResumeText),
    };

    private static string? N(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool AllEmpty(params string?[] values) => values.All(string.IsNullOrWhiteSpace);

    private static string[]? Names(string? commaSeparated)
    {
        var names = (commaSeparated ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return names.Length == 0 ? null : names;
    }

    private static PostalAddress? Address(string? line1, string? line2, string? city, string? region, string? postalCode, string? country) =>
        AllEmpty(line1, line2, city, region, postalCode, country)
            ? null
            : new PostalAddress
            {
                Line1 = N(line1), Line2 = N(line2), City = N(city), Region = N(region), PostalCode = N(postalCode), Country = N(country),
            };

    private static DateOnly? Date(string? value, string jsonPath)
    {
        if (N(value) is not { } text) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        throw new ValidationException([new ValidationFailure(jsonPath, $"'{jsonPath}' must be a date such as 1990-04-27.")]);
    }

    [GeneratedRegex(@"\[\d+\]")] private static partial Regex IndexPattern();
}
