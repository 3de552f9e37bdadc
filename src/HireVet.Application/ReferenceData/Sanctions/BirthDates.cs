using System.Globalization;

namespace HireVet.Application.ReferenceData.Sanctions;

/// <summary>Reads birth dates as written in <see cref="SdnEntry.DatesOfBirth"/> (and by a screener) as day ranges.</summary>
internal static class BirthDates
{
    public static bool Overlap((DateOnly From, DateOnly To) a, (DateOnly From, DateOnly To) b) =>
        a.From <= b.To && b.From <= a.To;

    /// <summary>"1975", "1975-04", "1975-04-12", "A..B" and "circa X" (widened by a year each way) as day ranges.</summary>
    public static (DateOnly From, DateOnly To)? ParseRange(string? text)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var approximate = value.StartsWith("circa ", StringComparison.OrdinalIgnoreCase);
        if (approximate)
        {
            value = value["circa ".Length..].Trim();
        }

        var separator = value.IndexOf("..", StringComparison.Ordinal);
        var first = ParseDatePart(separator < 0 ? value : value[..separator]);
        var last = separator < 0 ? first : ParseDatePart(value[(separator + 2)..]);
        if (first is null || last is null)
        {
            return null;
        }

        var from = first.Value.From;
        var to = last.Value.To;
        return approximate ? (from.AddYears(-1), to.AddYears(1)) : (from, to);
    }

    private static (DateOnly From, DateOnly To)? ParseDatePart(string text)
    {
        var invariant = CultureInfo.InvariantCulture;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", invariant, DateTimeStyles.None, out var day))
        {
            return (day, day);
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM", invariant, DateTimeStyles.None, out var month))
        {
            return (month, month.AddMonths(1).AddDays(-1));
        }

        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, invariant, out var year) && year >= 1)
        {
            return (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        }

        return null;
    }
}
