namespace HireVet.Application.Dossiers;

/// <summary>An enumerated value of a dossier, and the spellings real exports use for it: "driver_license" (the US
/// spelling), "Driver's License", "id_card", "direct_deposit", "PayPal", "LinkedIn"... Intake accepts any of these and
/// stores the canonical value; anything else is still refused, naming the field.</summary>
public sealed class Vocabulary
{
    public static readonly Vocabulary DocumentTypes = new(
        ["passport", "driver_licence", "national_id", "residence_permit", "other"],
        new()
        {
            ["driver_licence"] = ["driver_license", "drivers_license", "drivers_licence", "driving_license", "driving_licence", "dl", "driver_id"],
            ["national_id"] = ["id_card", "national_id_card", "national_identity_card", "identity_card", "national_identity_document", "nid", "state_id", "state_id_card"],
            ["residence_permit"] = ["residence_card", "resident_card", "permanent_resident_card", "green_card", "residency_permit", "brp"],
            ["passport"] = ["passport_card", "passport_book"],
        },
        "driver_license, driver's license, id_card, green_card");

    public static readonly Vocabulary ProfileKinds = new(
        ["github", "gitlab", "linkedin", "stackoverflow", "portfolio", "other"],
        new()
        {
            ["github"] = ["git_hub", "github_com"],
            ["gitlab"] = ["git_lab", "gitlab_com"],
            ["linkedin"] = ["linked_in", "linkedin_com"],
            ["stackoverflow"] = ["stack_overflow", "stackoverflow_com"],
            ["portfolio"] = ["website", "personal_website", "personal_site", "homepage", "home_page", "blog", "portfolio_site"],
            ["other"] = ["twitter", "x", "facebook", "mastodon", "social", "other_site"],
        },
        "LinkedIn, git_hub, website, blog");

    public static readonly Vocabulary PayrollMethods = new(
        ["bank_transfer", "payment_platform", "crypto", "check", "other"],
        new()
        {
            ["bank_transfer"] = ["direct_deposit", "ach", "bank", "bank_account", "wire", "wire_transfer", "sepa", "sepa_transfer", "eft", "bacs", "iban"],
            ["payment_platform"] = ["paypal", "payoneer", "wise", "transferwise", "payment_service", "e_wallet", "ewallet", "payment_app", "money_transfer"],
            ["crypto"] = ["cryptocurrency", "crypto_wallet", "crypto_currency", "bitcoin", "stablecoin", "usdt", "usdc"],
            ["check"] = ["cheque", "paper_check", "paper_cheque"],
        },
        "direct_deposit, ACH, wire, PayPal, cryptocurrency, cheque");

    /// <summary>An identity-verification vendor's verdict on a liveness (selfie) or document check: Persona's
    /// approved/declined, CLEAR's verified, Incode's OK/FAIL, Onfido's clear/consider and the like.</summary>
    public static readonly Vocabulary VerificationOutcomes = new(
        ["passed", "failed", "needs_review"],
        new()
        {
            ["passed"] = ["pass", "approved", "verified", "completed", "complete", "success", "succeeded", "successful", "ok", "clear", "accepted", "valid", "match", "matched"],
            ["failed"] = ["fail", "failure", "declined", "rejected", "denied", "not_verified", "unverified", "invalid", "fraud", "suspected_fraud", "no_match", "mismatch"],
            ["needs_review"] = ["review", "needs_manual_review", "manual_review", "in_review", "pending_review", "requires_review", "consider", "inconclusive", "marked_for_review", "flagged"],
        },
        "approved, verified, completed, declined, rejected, manual_review, consider");

    private readonly Dictionary<string, string> _canonicalBySpelling;

    private Vocabulary(string[] values, Dictionary<string, string[]> spellings, string examples)
    {
        Values = values;
        Examples = examples;
        _canonicalBySpelling = values.ToDictionary(v => v, v => v, StringComparer.Ordinal);
        foreach (var (value, others) in spellings)
            foreach (var other in others) _canonicalBySpelling[other] = value;
    }

    /// <summary>The canonical values, as stored.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>A few of the spellings accepted besides the canonical values, for error messages and the API reference.</summary>
    public string Examples { get; }

    /// <summary>"one of: a, b (or a common spelling such as x, y)", for error messages.</summary>
    public string Accepted => $"one of: {string.Join(", ", Values)} (or a common spelling such as {Examples})";

    /// <summary>The canonical value of a spelling, or null when it names no known value.</summary>
    public string? Canonical(string? value) => value is null ? null : _canonicalBySpelling.GetValueOrDefault(Key(value));

    /// <summary>Lower case, apostrophes dropped, spaces, hyphens, dots and slashes as underscores: "Driver's License" →
    /// "drivers_license", "e-wallet" → "e_wallet", "GitHub.com" → "github_com".</summary>
    private static string Key(string value)
    {
        var key = new string([.. value.Trim().ToLowerInvariant().Where(c => c is not ('\'' or '’'))
            .Select(c => c is ' ' or '-' or '.' or '/' ? '_' : c)]);
        while (key.Contains("__", StringComparison.Ordinal)) key = key.Replace("__", "_", StringComparison.Ordinal);
        return key.Trim('_');
    }
}
