namespace HireVet.Application.Dossiers;

/// <summary>The enumerated values of a dossier, and the spellings real exports use for them: "driver_license" (the US
/// spelling), "Driver's License", "id_card", "direct_deposit", "PayPal", "LinkedIn"... Intake accepts any of these and
/// stores the canonical value; anything else is still refused, naming the field.</summary>
public static class Vocabulary
{
    public static readonly string[] DocumentTypes = ["passport", "driver_licence", "national_id", "residence_permit", "other"];
    public static readonly string[] ProfileKinds = ["github", "gitlab", "linkedin", "stackoverflow", "portfolio", "other"];
    public static readonly string[] PayrollMethods = ["bank_transfer", "payment_platform", "crypto", "check", "other"];

    private static readonly Dictionary<string, string> DocumentTypeSynonyms = Synonyms(DocumentTypes, new()
    {
        ["driver_licence"] = ["driver_license", "drivers_license", "drivers_licence", "driving_license", "driving_licence", "dl", "driver_id"],
        ["national_id"] = ["id_card", "national_id_card", "national_identity_card", "identity_card", "national_identity_document", "nid", "state_id", "state_id_card"],
        ["residence_permit"] = ["residence_card", "resident_card", "permanent_resident_card", "green_card", "residency_permit", "brp"],
        ["passport"] = ["passport_card", "passport_book"],
    });

    private static readonly Dictionary<string, string> ProfileKindSynonyms = Synonyms(ProfileKinds, new()
    {
        ["github"] = ["git_hub", "github_com"],
        ["gitlab"] = ["git_lab", "gitlab_com"],
        ["linkedin"] = ["linked_in", "linkedin_com"],
        ["stackoverflow"] = ["stack_overflow", "stackoverflow_com"],
        ["portfolio"] = ["website", "personal_website", "personal_site", "homepage", "home_page", "blog", "portfolio_site"],
        ["other"] = ["twitter", "x", "facebook", "mastodon", "social", "other_site"],
    });

    private static readonly Dictionary<string, string> PayrollMethodSynonyms = Synonyms(PayrollMethods, new()
    {
        ["bank_transfer"] = ["direct_deposit", "ach", "bank", "bank_account", "wire", "wire_transfer", "sepa", "sepa_transfer", "eft", "bacs", "iban"],
        ["payment_platform"] = ["paypal", "payoneer", "wise", "transferwise", "payment_service", "e_wallet", "ewallet", "payment_app", "money_transfer"],
        ["crypto"] = ["cryptocurrency", "crypto_wallet", "crypto_currency", "bitcoin", "stablecoin", "usdt", "usdc"],
        ["check"] = ["cheque", "paper_check", "paper_cheque"],
    });

    public static string? DocumentType(string? value) => Canonical(DocumentTypeSynonyms, value);
    public static string? ProfileKind(string? value) => Canonical(ProfileKindSynonyms, value);
    public static string? PayrollMethod(string? value) => Canonical(PayrollMethodSynonyms, value);

    /// <summary>A few of the spellings accepted besides the canonical values, for error messages and the API reference.</summary>
    public static string Examples(string canonical) => canonical switch
    {
        "document" => "driver_license, driver's license, id_card, green_card",
        "profile" => "LinkedIn, git_hub, website, blog",
        _ => "direct_deposit, ACH, wire, PayPal, cryptocurrency, cheque",
    };

    private static string? Canonical(Dictionary<string, string> synonyms, string? value) =>
        value is null ? null : synonyms.GetValueOrDefault(Key(value));

    /// <summary>Lower case, apostrophes and dots dropped, spaces and hyphens as underscores: "Driver's License" →
    /// "drivers_license", "e-wallet" → "e_wallet", "GitHub.com" → "github_com".</summary>
    private static string Key(string value)
    {
        var key = new string([.. value.Trim().ToLowerInvariant().Where(c => c is not ('\'' or '’'))
            .Select(c => c is ' ' or '-' or '.' or '/' ? '_' : c)]);
        while (key.Contains("__", StringComparison.Ordinal)) key = key.Replace("__", "_", StringComparison.Ordinal);
        return key.Trim('_');
    }

    private static Dictionary<string, string> Synonyms(string[] canonical, Dictionary<string, string[]> spellings)
    {
        var map = canonical.ToDictionary(c => c, c => c, StringComparer.Ordinal);
        foreach (var (value, others) in spellings)
            foreach (var other in others) map[other] = value;
        return map;
    }
}
