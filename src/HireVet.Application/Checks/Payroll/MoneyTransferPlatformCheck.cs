using System.Text.Json.Nodes;

namespace HireVet.Application.Checks.Payroll;

/// <summary>PAY-03: pay would be routed through a payment platform or a money-transfer / e-money service rather than
/// a bank. Low on purpose: the advisories list it as context (Secureworks named Payoneer), and many honest people,
/// contractors abroad above all, are paid through Wise or PayPal. It matters only next to other signals.</summary>
public sealed class MoneyTransferPlatformCheck : ICheck
{
    private sealed record Service(string Name, bool PrcLinked, params string[] Aliases);

    // HireVet's own short list of widely used money-transfer and e-money services, matched as whole words (or two
    // adjacent words written together) in the platform or bank name, case-insensitively. Not a registry of licensed
    // money-service businesses; extend it when reviewers meet others. PRC-linked services are marked because PAY-03
    // names them ("especially PRC-linked ones").
    private static readonly Service[] Services =
    [
        new("Payoneer", false, "payoneer"),
        new("Wise", false, "wise", "transferwise"),
        new("PayPal", false, "paypal"),
        new("Skrill", false, "skrill"),
        new("Remitly", false, "remitly"),
        new("WorldRemit", false, "worldremit"),
        new("Western Union", false, "westernunion"),
        new("MoneyGram", false, "moneygram"),
        new("Alipay", true, "alipay"),
        new("WeChat Pay", true, "wechatpay", "wechat", "weixinpay", "weixin"),
        new("Revolut", false, "revolut"),
        new("Paxum", false, "paxum"),
        new("Airwallex", false, "airwallex"),
    ];

    public string Name => "money-transfer-platform";
    public string[] Indicators => ["PAY-03"];

    public CheckResult Run(VettingContext context)
    {
        if (context.Dossier.PayrollDestination is not { } pay) return CheckResult.NotEvaluated("The dossier has no payroll destination.");

        var (service, field) = Find(pay.Platform) is { } onPlatform ? (onPlatform, "platform")
            : Find(pay.BankName) is { } onBank ? (onBank, "bankName")
            : ((Service?)null, (string?)null);
        if (service is null && pay.Method != "payment_platform") return CheckResult.NotFired;

        var explanation = service is not null
            ? $"Pay would go through {service.Name}, a money-transfer or e-money service, rather than a bank account."
            : $"Pay would go through a payment platform{(pay.Platform is { Length: > 0 } p ? $" ({p})" : "")} rather than a bank account.";
        return CheckResult.Fired(new RawSignal("PAY-03", Severity.Low, explanation, new JsonObject
        {
            ["method"] = pay.Method,
            ["platform"] = pay.Platform,
            ["bankName"] = pay.BankName,
            ["service"] = service?.Name,
            ["matchedIn"] = field,
            ["prcLinked"] = service?.PrcLinked ?? false,
        }));
    }

    private static Service? Find(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var words = new string([.. name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ')])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var candidates = words.Concat(words.Zip(words.Skip(1), (a, b) => a + b)).ToHashSet(StringComparer.Ordinal);
        return Services.FirstOrDefault(s => s.Aliases.Any(candidates.Contains));
    }
}
