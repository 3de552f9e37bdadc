using System.Globalization;
using HireVet.Application.ReferenceData.Sanctions;

namespace HireVet.Infrastructure.ReferenceData.Sanctions;

/// <summary>What the legacy <c>sdn.csv</c> Remarks field says in its "Label value;" items, in the forms the advanced
/// XML gives them: dates of birth ("DOB 25 Apr 1965" as "1965-04-25", "DOB 1969 to 1971" as "1969..1971"),
/// nationality and citizenship countries, emails, websites, digital-currency addresses and weak aliases
/// ("a.k.a. 'RED DOT'"). Items it does not use (POB, gender, passports, "Linked To") are skipped.</summary>
internal sealed class SdnRemarks
{
    private const string CurrencyPrefix = "Digital Currency Address - ";
    private static readonly string[] DateFormats = ["d MMM yyyy", "MMM yyyy", "yyyy"];

    public List<string> DatesOfBirth { get; } = [];
    public List<string> Countries { get; } = [];
    public List<string> Emails { get; } = [];
    public List<string> Websites { get; } = [];
    public List<DigitalCurrencyAddress> Addresses { get; } = [];
    public List<string> WeakAliases { get; } = [];

    public static SdnRemarks Parse(string? remarks)
    {
        var result = new SdnRemarks();
        if (string.IsNullOrWhiteSpace(remarks)) return result;
        foreach (var raw in remarks.Split(';'))
        {
            var item = raw.Trim().TrimEnd('.');
            if ((After(item, "DOB ") ?? After(item, "alt. DOB ")) is { } dob)
            {
                if (BirthDate(dob) is { } date) Add(result.DatesOfBirth, date);
            }
            else if ((After(item, "nationality ") ?? After(item, "citizen ") ?? After(item, "alt. nationality ") ?? After(item, "alt. citizen ")) is { } country)
            {
                Add(result.Countries, country);
            }
            else if (After(item, "Email Address ") is { } email) Add(result.Emails, email);
            else if (After(item, "Website ") is { } website) Add(result.Websites, website);
            else if (After(item, CurrencyPrefix) is { } currency && currency.Split(' ', 2, StringSplitOptions.TrimEntries) is [var ticker, var address])
            {
                var found = new DigitalCurrencyAddress(ticker, address);
                if (!result.Addresses.Contains(found)) result.Addresses.Add(found);
            }
            else if (After(item, "a.k.a. ") is { } weak && weak.Trim('\'', '"') is { Length: > 0 } name)
            {
                Add(result.WeakAliases, name);
            }
        }

        return result;
    }

    private static string? After(string item, string label) =>
        item.StartsWith(label, StringComparison.OrdinalIgnoreCase) && item[label.Length..].Trim() is { Length: > 0 } rest ? rest : null;

    private static void Add(List<string> list, string value)
    {
        if (!list.Contains(value, StringComparer.Ordinal)) list.Add(value);
    }

    // "25 Apr 1965" → "1965-04-25", "Apr 1965" → "1965-04", "1965", "1969 to 1971" → "1969..1971", "circa 1965".
    private static string? BirthDate(string text)
    {
        var circa = text.StartsWith("circa ", StringComparison.OrdinalIgnoreCase);
        if (circa) text = text["circa ".Length..].Trim();
        var parts = text.Split(" to ", 2, StringSplitOptions.TrimEntries);
        var first = OneDate(parts[0]);
        var last = parts.Length == 2 ? OneDate(parts[1]) : first;
        if (first is null || last is null) return null;
        var date = first == last ? first : $"{first}..{last}";
        return circa ? $"circa {date}" : date;
    }

    private static string? OneDate(string text)
    {
        foreach (var format in DateFormats)
        {
            if (!DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) continue;
            return format switch
            {
                "yyyy" => date.ToString("yyyy", CultureInfo.InvariantCulture),
                "MMM yyyy" => date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                _ => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
        }

        return null;
    }
}
