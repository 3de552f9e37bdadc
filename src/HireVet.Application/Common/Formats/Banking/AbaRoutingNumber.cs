namespace HireVet.Application.Common.Formats.Banking;

// Not a crypto format: it lives in this folder only because the payroll formats were written together.

/// <summary>US ABA routing transit numbers: 9 digits, a Federal Reserve routing symbol prefix (00–12 Federal Reserve
/// banks and the US government, 21–32 thrifts, 61–72 electronic transactions, 80 traveller's cheques), and the
/// check digit 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) ≡ 0 (mod 10). Only format and checksum can be checked:
/// the Fed's directory of active numbers is not public data.</summary>
public static class AbaRoutingNumber
{
    public static bool IsValid(string? routingNumber) => Problem(routingNumber) is null;

    /// <summary>Null for a well-formed routing number, otherwise why it is not one.</summary>
    public static string? Problem(string? routingNumber)
    {
        if (string.IsNullOrEmpty(routingNumber)) return "it is empty";
        if (routingNumber.Length != 9 || !routingNumber.All(char.IsAsciiDigit))
            return $"it has {routingNumber.Length} characters; an ABA routing number is 9 digits";

        var prefix = ((routingNumber[0] - '0') * 10) + (routingNumber[1] - '0');
        if (prefix is not ((>= 0 and <= 12) or (>= 21 and <= 32) or (>= 61 and <= 72) or 80))
            return $"it starts with {routingNumber[..2]}, which is not a Federal Reserve routing symbol (00–12, 21–32, 61–72 or 80)";

        var d = routingNumber.Select(c => c - '0').ToArray();
        var sum = (3 * (d[0] + d[3] + d[6])) + (7 * (d[1] + d[4] + d[7])) + d[2] + d[5] + d[8];
        return sum % 10 == 0 ? null : "its check digit does not match the other eight digits";
    }
}
