using System.Text.Json;
using HireVet.Application.Checks.PostHire;
using HireVet.Application.Common.Formats;
using HireVet.Application.Dossiers;
using HireVet.Application.Dossiers.Addresses;

namespace HireVet.Application.Ingestion.Formats;

/// <summary>Onboarding steps from the HRIS or an onboarding vendor, one an object (NDJSON, a JSON array, or CSV rows
/// with a header): eventId, user (the hire's work e-mail), step, occurredAt, who appeared (appearedName), the contact
/// they gave (phone, email; also under contact.*) and the place (place: an address object as in a dossier, or one
/// line of text). Steps are read in the spellings vendors use and stored as drug_test, document_check or
/// equipment_receipt; everything but eventId, user, step and occurredAt is optional.</summary>
public static class OnboardingEventFormat
{
    public static readonly string[] Columns = ["eventId", "user", "step", "occurredAt", "appearedName", "phone", "email", "place"];

    public static class Steps
    {
        public const string DrugTest = "drug_test";
        public const string DocumentCheck = "document_check";
        public const string EquipmentReceipt = "equipment_receipt";
    }

    /// <summary>Vendor spellings, compared by their letters and digits only ("Drug Screen", "drug-screen" and
    /// "DRUG_SCREEN" alike).</summary>
    private static readonly Dictionary<string, string> StepSpellings = new()
    {
        ["drugtest"] = Steps.DrugTest, ["drugscreen"] = Steps.DrugTest, ["drugscreening"] = Steps.DrugTest, ["drugtesting"] = Steps.DrugTest,
        ["urinalysis"] = Steps.DrugTest, ["toxicologyscreen"] = Steps.DrugTest, ["preemploymentdrugtest"] = Steps.DrugTest,
        ["documentcheck"] = Steps.DocumentCheck, ["documentverification"] = Steps.DocumentCheck, ["i9"] = Steps.DocumentCheck,
        ["formi9"] = Steps.DocumentCheck, ["i9verification"] = Steps.DocumentCheck, ["i9section2"] = Steps.DocumentCheck, ["formi9section2"] = Steps.DocumentCheck,
        ["i9documentcheck"] = Steps.DocumentCheck, ["employmenteligibilityverification"] = Steps.DocumentCheck, ["idcheck"] = Steps.DocumentCheck,
        ["identitydocumentcheck"] = Steps.DocumentCheck,
        ["equipmentreceipt"] = Steps.EquipmentReceipt, ["equipmentreceived"] = Steps.EquipmentReceipt, ["equipmentpickup"] = Steps.EquipmentReceipt,
        ["equipmentdelivery"] = Steps.EquipmentReceipt, ["laptopreceipt"] = Steps.EquipmentReceipt, ["laptoppickup"] = Steps.EquipmentReceipt,
        ["laptopdelivery"] = Steps.EquipmentReceipt, ["devicereceipt"] = Steps.EquipmentReceipt, ["hardwarereceipt"] = Steps.EquipmentReceipt,
    };

    public const string AcceptedSteps = "a drug test (drug test, drug screen), a document check (document check, I-9) or an equipment receipt " +
        "(equipment receipt, laptop pickup, equipment delivery)";

    public static string? CanonicalStep(string? text) =>
        text is null ? null : StepSpellings.GetValueOrDefault(new string([.. text.Where(char.IsLetterOrDigit)]).ToLowerInvariant());

    public static Parsed<IncomingOnboardingEvent> Parse(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
            return Parsed<IncomingOnboardingEvent>.Invalid(new Dictionary<string, string[]> { ["event"] = ["Must be a JSON object."] });
        var f = new EventFields(e);
        var id = f.Text(f.Spelling("eventId", "event_id", "id"), required: true, maxLength: 200);
        var principal = f.Principal(f.Spelling("user", "userEmail", "user_email", "workEmail", "work_email", "employeeEmail"));
        var stepField = f.Spelling("step", "type", "eventType", "event_type", "onboardingStep");
        var stepText = f.Text(stepField, required: true, maxLength: 100);
        var step = CanonicalStep(stepText);
        if (stepText is not null && step is null) f.Error(stepField, $"Must be {AcceptedSteps}.");
        var at = f.Time(f.Spelling("occurredAt", "occurred_at", "completedAt", "completed_at", "date", "timestamp"), required: true);

        var name = f.Text(f.Spelling("appearedName", "appeared_name", "appeared.name", "whoAppeared", "attendeeName", "attendee", "collectedFrom"), maxLength: 300);
        var phoneField = f.Spelling("phone", "contact.phone", "appeared.phone", "phoneNumber", "phone_number");
        var phone = f.Text(phoneField, maxLength: 40);
        var phoneKey = PhoneKey(phone);
        if (phone is not null && phoneKey is null) f.Error(phoneField, "Must be a phone number of 7 to 15 digits.");
        var emailField = f.Spelling("email", "contact.email", "appeared.email", "emailAddress", "email_address");
        var email = f.Text(emailField, maxLength: 254)?.ToLowerInvariant();
        if (email is not null && !EmailAddress.IsValid(email)) f.Error(emailField, "Must be an e-mail address.");
        var place = Place(f, f.Spelling("place", "address", "location"));
        if (f.HasErrors) return Parsed<IncomingOnboardingEvent>.Invalid(f.Errors);

        var identifiers = new List<(string, string)>();
        if (OnboardingStandInCheck.PersonKey(name) is { Length: > 0 } person) identifiers.Add(("person", person));
        if (phoneKey is not null) identifiers.Add(("phone", phoneKey));
        if (email is not null) identifiers.Add(("email", email));
        // A clinic or an office sees many honest hires; the address an equipment receipt was signed for is the worker's.
        if (step == Steps.EquipmentReceipt && place is not null && AddressNormalizer.Normalize(place.ToParts()) is { Length: > 0 } address)
            identifiers.Add(("address", address));
        return Parsed<IncomingOnboardingEvent>.Ok(new IncomingOnboardingEvent(principal!, new OnboardingEvent
        {
            EventId = id!, Step = step!, OccurredAt = at!.Value,
            Details = new OnboardingDetails { AppearedName = name, Phone = phone, Email = email, Place = place },
        }, identifiers));
    }

    /// <summary>A phone number as onboarding identifiers compare it: its last nine digits once an international prefix
    /// ("00") and trunk zeros are dropped, so "+1 512-555-0147" and "(512) 555-0147", or "+44 20 7946 0958" and
    /// "020 7946 0958", agree. Null unless 7 to 15 digits.</summary>
    public static string? PhoneKey(string? phone)
    {
        if (phone is null) return null;
        if (phone.Any(c => char.IsLetter(c))) return null;
        var digits = new string([.. phone.Where(char.IsAsciiDigit)]);
        if (digits.Length is < 7 or > 17) return null;
        digits = digits.TrimStart('0');
        if (digits.Length is < 7 or > 15) return null;
        return digits.Length > 9 ? digits[^9..] : digits;
    }

    private static PostalAddress? Place(EventFields f, string path)
    {
        if (f.Find(path) is not { } value) return null;
        if (value.ValueKind == JsonValueKind.Object)
        {
            try { return value.Deserialize<PostalAddress>(DossierJson.Options); }
            catch (JsonException) { f.Error(path, "Must be a postal address object, as in a dossier, or one line of text."); return null; }
        }
        var line = f.Text(path, maxLength: 500);
        return line is null ? null : new PostalAddress { Line1 = line };
    }
}
