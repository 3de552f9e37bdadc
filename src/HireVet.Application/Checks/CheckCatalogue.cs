using HireVet.Application.Checks.Contact;
using HireVet.Application.Checks.History;
using HireVet.Application.Checks.Identity;
using HireVet.Application.Checks.Interview;
using HireVet.Application.Checks.Links;
using HireVet.Application.Checks.Network;
using HireVet.Application.Checks.Payroll;
using HireVet.Application.Checks.PostHire;
using HireVet.Application.Checks.Sanctions;
using HireVet.Application.Checks.Shipping;

namespace HireVet.Application.Checks;

/// <summary>Every check vetting runs, each from its area's folder. A new check is one file there and one line here. The
/// order is the order of signals and trace lines in a stored assessment, so a new check goes at the end.</summary>
public static class CheckCatalogue
{
    public static readonly ICheck[] All =
    [
        new IdentityDocumentNameCheck(),      // Identity
        new PayeeNameCheck(),                 // Payroll
        new ShippingRecipientCheck(),         // Shipping
        new ShippingAddressCheck(),           // Shipping
        new CryptoPayoutCheck(),              // Payroll
        new SharedIdentifiersCheck(),         // Links
        new NetworkOriginCheck(),             // Network
        new ImpossibleTravelCheck(),          // Network
        new TimeZoneCheck(),                  // Network
        new SanctionsScreeningCheck(),        // Sanctions
        new SanctionedWalletCheck(),          // Sanctions
        new RingCheck(),                      // Links
        new ReferralCheck(),                  // Links
        new CameraCheck(),                    // Interview
        new EmploymentTimelineCheck(),        // History
        new ProfileAgeCheck(),                // History
        new ResumeDuplicateCheck(),           // Links
        new PhoneCountryCheck(),              // Contact
        new DisposableEmailCheck(),           // Contact
        new ReferenceEmailCheck(),            // Contact
        new WalletFormatCheck(),              // Payroll
        new BankCountryCheck(),               // Payroll
        new MoneyTransferPlatformCheck(),     // Payroll
        new BankNumberCheck(),                // Payroll
        new IbanStructureCheck(),             // Payroll
        new IdentityVerificationCheck(),      // Identity
        new DormantProfileCheck(),            // History
        new SharedNetworkWithReferenceCheck(), // Links
        // After the hire; not evaluated for a candidate not hired.
        new SignInTravelCheck(),              // PostHire
        new SharedEgressCheck(),              // PostHire
        new AlwaysOnCheck(),                  // PostHire
        new RemoteControlSoftwareCheck(),     // PostHire
        new IpKvmHardwareCheck(),             // PostHire
        new SignInNetworkCheck(),             // PostHire
        new WorkingHoursCheck(),              // PostHire
        new SharedMfaDeviceCheck(),           // PostHire
        new PayrollChangeVelocityCheck(),     // PostHire
        new PayrollHolderChangeCheck(),       // PostHire
        new DeviceAbroadCheck(),              // PostHire
        new SerialMismatchCheck(),            // PostHire
        new MultipleRemoteToolsCheck(),       // PostHire
        new InputLatencyCheck(),              // PostHire
        new LongMeetingSessionsCheck(),       // PostHire
        new OnboardingStandInCheck(),         // PostHire
    ];
}
