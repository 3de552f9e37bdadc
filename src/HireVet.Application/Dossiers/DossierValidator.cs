using System.Text.RegularExpressions;
using FluentValidation;
using HireVet.Application.Common.Formats;
using HireVet.Application.Common.Formats.Banking;

namespace HireVet.Application.Dossiers;

/// <summary>Shape rules for a dossier: required fields, lengths, formats and dates. Anything that needs the database
/// or reference data is a vetting signal, not a validation error.</summary>
public abstract partial class DossierValidator<T> : AbstractValidator<T> where T : Dossier
{
    private readonly TimeProvider _clock;

    /// <summary>Today when a dossier is validated, not when the validator was built: validators are singletons (building
    /// these rules cost more than checking a dossier against them).</summary>
    private DateOnly Today() => DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);

    protected DossierValidator(TimeProvider clock)
    {
        _clock = clock;

        RuleFor(d => d.ExternalId).NotEmpty().MaximumLength(100)
            .Matches(ExternalIdPattern()).WithMessage("'externalId' may contain only letters, digits and . _ : - characters.");
        RuleFor(d => d.Source).MaximumLength(100);
        RuleFor(d => d.Role).MaximumLength(200);
        RuleFor(d => d.LegalName).NotEmpty().MaximumLength(200).Must(HasLetter).WithMessage("'legalName' must contain letters.")
            .Must(IsPlainText).WithMessage(HiddenCharacters("legalName"));
        RuleFor(d => d.OtherNames).Must(n => n!.Length <= 10).WithMessage("At most 10 other names.").When(d => d.OtherNames is not null);
        RuleForEach(d => d.OtherNames).NotEmpty().MaximumLength(200).Must(IsPlainText).WithMessage(HiddenCharacters("otherNames"));
        RuleFor(d => d.DateOfBirth).Must(dob => BeAPlausibleBirthDate(dob!.Value, Today()))
            .WithMessage("'dateOfBirth' must be a past date of someone aged 14 to 120.").When(d => d.DateOfBirth is not null);
        RuleFor(d => d.Email).MaximumLength(254).Must(BeAnEmail!).WithMessage("'email' is not a valid email address.")
            .When(d => d.Email is not null);
        RuleFor(d => d.Phone).Must(p => PhoneNumber.NormalizeE164(p) is not null)
            .WithMessage("'phone' must be an international number, e.g. +1 415 555 0100.").When(d => d.Phone is not null);
        RuleFor(d => d.ClaimedResidence!).SetValidator(new AddressValidator()).When(d => d.ClaimedResidence is not null);
        RuleFor(d => d.ClaimedTimeZone).Must(CountryCodes.IsIanaTimeZone)
            .WithMessage("'claimedTimeZone' must be an IANA time zone such as America/Chicago.").When(d => d.ClaimedTimeZone is not null);

        When(d => d.IdentityDocument is not null, () =>
        {
            RuleFor(d => d.IdentityDocument!.Type).NotEmpty().Must(t => Vocabulary.DocumentTypes.Canonical(t) is not null)
                .WithMessage($"'type' must be {Vocabulary.DocumentTypes.Accepted}.");
            RuleFor(d => d.IdentityDocument!.IssuingCountry).Must(IsCountry)
                .WithMessage("'issuingCountry' must be an ISO 3166-1 alpha-2 code such as US.");
            RuleFor(d => d.IdentityDocument!.Number).NotEmpty().MaximumLength(50).Matches(DocumentNumberPattern())
                .WithMessage("'number' may contain only letters, digits, spaces and hyphens.");
            RuleFor(d => d.IdentityDocument!.NameOnDocument).MaximumLength(200).Must(IsPlainText).WithMessage(HiddenCharacters("nameOnDocument"));
            RuleFor(d => d.IdentityDocument!.DateOfBirth).Must(dob => BeAPlausibleBirthDate(dob!.Value, Today()))
                .WithMessage("'dateOfBirth' must be a past date of someone aged 14 to 120.").When(d => d.IdentityDocument!.DateOfBirth is not null);
            RuleFor(d => d.IdentityDocument!.Address!).SetValidator(new AddressValidator()).When(d => d.IdentityDocument!.Address is not null);
        });

        RuleFor(d => d.Profiles).Must(p => p!.Length <= 20).WithMessage("At most 20 profiles.").When(d => d.Profiles is not null);
        RuleForEach(d => d.Profiles).ChildRules(p =>
        {
            p.RuleFor(x => x.Kind).NotEmpty().Must(k => Vocabulary.ProfileKinds.Canonical(k) is not null)
                .WithMessage($"'kind' must be {Vocabulary.ProfileKinds.Accepted}.");
            p.RuleFor(x => x.Url).MaximumLength(500).Must(BeAnHttpUrl!).WithMessage("'url' must be an absolute http(s) URL.").When(x => x.Url is not null);
            p.RuleFor(x => x.Handle).MaximumLength(100);
            p.RuleFor(x => x.DisplayName).MaximumLength(200);
            p.RuleFor(x => x.CreatedOn).LessThanOrEqualTo(_ => Today()).When(x => x.CreatedOn is not null);
            p.RuleFor(x => x.EarliestActivityOn).LessThanOrEqualTo(_ => Today()).When(x => x.EarliestActivityOn is not null);
            p.RuleFor(x => x.FirstActivityOn).Must(a => a!.Value.First <= Today())
                .WithMessage("'firstActivityOn' must not be in the future.").When(x => x.FirstActivityOn is not null);
            p.RuleFor(x => x.LastActivityOn).Must(a => a!.Value.First <= Today())
                .WithMessage("'lastActivityOn' must not be in the future.").When(x => x.LastActivityOn is not null);
            p.RuleFor(x => x.LastActivityOn).Must((x, last) => last!.Value.Last >= x.FirstActivityOn!.Value.First)
                .WithMessage("'lastActivityOn' must not be before 'firstActivityOn'.").When(x => x.LastActivityOn is not null && x.FirstActivityOn is not null);
            p.RuleFor(x => x.EarliestContentOn).Must(c => c!.Value.First <= Today())
                .WithMessage("'earliestContentOn' must not be in the future.").When(x => x.EarliestContentOn is not null);
            p.RuleFor(x => x.DistinctCommitEmails).InclusiveBetween(0, 100_000).When(x => x.DistinctCommitEmails is not null);
            p.RuleFor(x => x.LongestInactiveGap!.From).NotNull().When(x => x.LongestInactiveGap is not null);
            p.RuleFor(x => x.LongestInactiveGap!.To).NotNull().When(x => x.LongestInactiveGap is not null);
            p.RuleFor(x => x.LongestInactiveGap!.To).Must((x, to) => to!.Value.Last >= x.LongestInactiveGap!.From!.Value.First && to.Value.First <= Today())
                .WithMessage("'longestInactiveGap.to' must be after 'longestInactiveGap.from' and not in the future.")
                .When(x => x.LongestInactiveGap is { From: not null, To: not null });
        });

        RuleFor(d => d.EmploymentHistory).Must(e => e!.Length <= 30).WithMessage("At most 30 jobs.").When(d => d.EmploymentHistory is not null);
        RuleForEach(d => d.EmploymentHistory).ChildRules(e =>
        {
            e.RuleFor(x => x.Employer).NotEmpty().MaximumLength(200);
            e.RuleFor(x => x.EmployerDomain).MaximumLength(253).Matches(DomainPattern())
                .WithMessage("'employerDomain' must be a domain name such as example.com.").When(x => x.EmployerDomain is not null);
            e.RuleFor(x => x.Title).MaximumLength(200);
            e.RuleFor(x => x.StartedOn).Must(start => start!.Value.First <= Today())
                .WithMessage("'startedOn' must not be in the future.").When(x => x.StartedOn is not null);
            e.RuleFor(x => x.EndedOn).Must((x, end) => end!.Value.Last >= x.StartedOn!.Value.First)
                .WithMessage("'endedOn' must not be before 'startedOn'.").When(x => x.EndedOn is not null && x.StartedOn is not null);
        });

        RuleFor(d => d.Education).Must(e => e!.Length <= 20).WithMessage("At most 20 education entries.").When(d => d.Education is not null);
        RuleForEach(d => d.Education).ChildRules(e =>
        {
            e.RuleFor(x => x.Institution).NotEmpty().MaximumLength(200);
            e.RuleFor(x => x.Degree).MaximumLength(200);
            e.RuleFor(x => x.EndedOn).Must((x, end) => end!.Value.Last >= x.StartedOn!.Value.First)
                .WithMessage("'endedOn' must not be before 'startedOn'.").When(x => x.EndedOn is not null && x.StartedOn is not null);
        });

        RuleFor(d => d.References).Must(r => r!.Length <= 20).WithMessage("At most 20 references.").When(d => d.References is not null);
        RuleForEach(d => d.References).ChildRules(r =>
        {
            r.RuleFor(x => x.Name).NotEmpty().MaximumLength(200).Must(IsPlainText).WithMessage(HiddenCharacters("name"));
            r.RuleFor(x => x.Email).MaximumLength(254).Must(BeAnEmail!).WithMessage("'email' is not a valid email address.").When(x => x.Email is not null);
            r.RuleFor(x => x.Phone).Must(p => PhoneNumber.NormalizeE164(p) is not null)
                .WithMessage("'phone' must be an international number, e.g. +1 415 555 0100.").When(x => x.Phone is not null);
            r.RuleFor(x => x.Employer).MaximumLength(200);
            r.RuleFor(x => x.Relationship).MaximumLength(100);
            r.RuleFor(x => x.SubmittedFrom!).SetValidator(new SightingValidator()).When(x => x.SubmittedFrom is not null);
        });

        RuleFor(d => d.ResumeText).MaximumLength(100_000);

        RuleFor(d => d.NetworkObservations).Must(n => n!.Length <= 1000).WithMessage("At most 1000 network observations.")
            .When(d => d.NetworkObservations is not null);
        RuleForEach(d => d.NetworkObservations).ChildRules(n =>
        {
            n.RuleFor(x => x.Ip).NotEmpty().Must(ip => IpAddresses.TryParseStrict(ip, out _)).WithMessage("'ip' is not a valid IPv4 or IPv6 address.");
            n.RuleFor(x => x.ObservedAt).NotNull();
            n.RuleFor(x => x.Context).MaximumLength(100);
            n.RuleFor(x => x.UserAgent).MaximumLength(1000);
            n.RuleFor(x => x.DeviceTimeZone).Must(CountryCodes.IsIanaTimeZone)
                .WithMessage("'deviceTimeZone' must be an IANA time zone such as Europe/Berlin.").When(x => x.DeviceTimeZone is not null);
            n.RuleFor(x => x.DeviceId).MaximumLength(200).Must(IsPlainText).WithMessage(HiddenCharacters("deviceId"));
        });

        RuleFor(d => d.Interviews).Must(i => i!.Length <= 50).WithMessage("At most 50 interviews.").When(d => d.Interviews is not null);
        RuleForEach(d => d.Interviews).ChildRules(i =>
        {
            i.RuleFor(x => x.At).NotNull();
            i.RuleFor(x => x.Ip).Must(ip => IpAddresses.TryParseStrict(ip, out _)).WithMessage("'ip' is not a valid IPv4 or IPv6 address.")
                .When(x => x.Ip is not null);
            i.RuleFor(x => x.Notes).MaximumLength(5000);
        });

        When(d => d.PayrollDestination is not null, () =>
        {
            RuleFor(d => d.PayrollDestination!.Method).NotEmpty().Must(m => Vocabulary.PayrollMethods.Canonical(m) is not null)
                .WithMessage($"'method' must be {Vocabulary.PayrollMethods.Accepted}.");
            RuleFor(d => d.PayrollDestination!.AccountHolderName).MaximumLength(200).Must(IsPlainText).WithMessage(HiddenCharacters("accountHolderName"));
            RuleFor(d => d.PayrollDestination!.BankName).MaximumLength(200);
            RuleFor(d => d.PayrollDestination!.BankCountry).Must(IsCountry)
                .WithMessage("'bankCountry' must be an ISO 3166-1 alpha-2 code such as US.").When(d => d.PayrollDestination!.BankCountry is not null);
            RuleFor(d => d.PayrollDestination!.Iban).Must(Iban.IsValid!).WithMessage("'iban' is not a valid IBAN (format or check digits).")
                .When(d => d.PayrollDestination!.Iban is not null);
            RuleFor(d => d.PayrollDestination!.AccountNumber).MaximumLength(34).Matches(AccountNumberPattern())
                .WithMessage("'accountNumber' may contain only letters, digits, spaces and hyphens.").When(d => d.PayrollDestination!.AccountNumber is not null);
            RuleFor(d => d.PayrollDestination!.RoutingNumber).Matches(RoutingNumberPattern())
                .WithMessage("'routingNumber' must be 5 to 11 digits.").When(d => d.PayrollDestination!.RoutingNumber is not null);
            RuleFor(d => d.PayrollDestination!.Bic).Matches(BicPattern())
                .WithMessage("'bic' must be a BIC such as DEUTDEFF or DEUTDEFF500.").When(d => d.PayrollDestination!.Bic is not null);
            RuleFor(d => d.PayrollDestination!.Platform).MaximumLength(100);
            RuleFor(d => d.PayrollDestination!.PlatformAccountEmail).MaximumLength(254).Must(BeAnEmail!)
                .WithMessage("'platformAccountEmail' is not a valid email address.").When(d => d.PayrollDestination!.PlatformAccountEmail is not null);
            RuleFor(d => d.PayrollDestination!.WalletTicker).NotEmpty().Matches(TickerPattern())
                .WithMessage("'walletTicker' must be a currency ticker such as XBT or USDT.").When(d => d.PayrollDestination!.WalletAddress is not null);
            RuleFor(d => d.PayrollDestination!.WalletAddress).NotEmpty().MaximumLength(128).Matches(WalletPattern())
                .WithMessage("'walletAddress' may contain only letters, digits and : _ - characters.")
                .When(d => d.PayrollDestination!.WalletAddress is not null || Vocabulary.PayrollMethods.Canonical(d.PayrollDestination!.Method) == "crypto");
        });

        When(d => d.EquipmentShipping is not null, () =>
        {
            RuleFor(d => d.EquipmentShipping!.RecipientName).MaximumLength(200).Must(IsPlainText).WithMessage(HiddenCharacters("recipientName"));
            RuleFor(d => d.EquipmentShipping!.Address!).SetValidator(new AddressValidator()).When(d => d.EquipmentShipping!.Address is not null);
        });

        RuleFor(d => d.ReferredBy).MaximumLength(200);
        RuleFor(d => d.ReferrerId).MaximumLength(100)
            .NotEqual(d => d.ExternalId).WithMessage("A candidate cannot refer themselves.");
    }

    // Codes are stored upper-case, so "us" is accepted as US.
    private static bool IsCountry(string? code) => CountryCodes.IsIsoAlpha2(code?.Trim().ToUpperInvariant());

    private static bool HasLetter(string? s) => s is not null && s.Any(char.IsLetter);

    /// <summary>No real name holds control characters or the characters that reorder text (bidirectional embeddings,
    /// overrides, isolates and marks), which can make a name display as another. The joiners some scripts need
    /// (U+200C, U+200D) are allowed.</summary>
    private static bool IsPlainText(string? name) =>
        name is null || !name.Any(c => char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C');

    private static string HiddenCharacters(string field) =>
        $"'{field}' contains control or text-direction characters, which no real name has.";

    private static bool BeAPlausibleBirthDate(DateOnly dob, DateOnly today) =>
        dob <= today.AddYears(-14) && dob >= today.AddYears(-120);

    private static bool BeAnEmail(string email) => EmailAddress.IsValid(email);

    private static bool BeAnHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp);

    [GeneratedRegex(@"^[A-Za-z0-9._:\-]+$")] private static partial Regex ExternalIdPattern();
    [GeneratedRegex(@"^[\p{L}\p{N} \-/]+$")] private static partial Regex DocumentNumberPattern();
    [GeneratedRegex(@"^(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$")] private static partial Regex DomainPattern();
    [GeneratedRegex(@"^[A-Za-z0-9 \-]+$")] private static partial Regex AccountNumberPattern();
    [GeneratedRegex(@"^[0-9]{5,11}$")] private static partial Regex RoutingNumberPattern();
    [GeneratedRegex(@"^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$")] private static partial Regex BicPattern();
    [GeneratedRegex(@"^[A-Z0-9]{2,10}$")] private static partial Regex TickerPattern();
    [GeneratedRegex(@"^[A-Za-z0-9:_\-]+$")] private static partial Regex WalletPattern();

    private sealed class SightingValidator : AbstractValidator<NetworkSighting>
    {
        public SightingValidator()
        {
            RuleFor(x => x.Ip).Must(ip => IpAddresses.TryParseStrict(ip, out _)).WithMessage("'ip' is not a valid IPv4 or IPv6 address.")
                .When(x => x.Ip is not null);
            RuleFor(x => x.DeviceId).MaximumLength(200).Must(IsPlainText).WithMessage(HiddenCharacters("deviceId"));
            RuleFor(x => x).Must(x => x.Ip is not null || x.DeviceId is not null)
                .WithMessage("'submittedFrom' needs an 'ip' or a 'deviceId'.").OverridePropertyName("ip");
        }
    }

    private sealed class AddressValidator : AbstractValidator<PostalAddress>
    {
        public AddressValidator()
        {
            RuleFor(a => a.Line1).MaximumLength(200);
            RuleFor(a => a.Line2).MaximumLength(200);
            RuleFor(a => a.City).MaximumLength(100);
            RuleFor(a => a.Region).MaximumLength(100);
            RuleFor(a => a.PostalCode).MaximumLength(20);
            RuleFor(a => a.Country).NotEmpty().Must(IsCountry).WithMessage("'country' must be an ISO 3166-1 alpha-2 code such as US.");
        }
    }
}
