using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HireVet.Application.Dossiers;

/// <summary>A date known to the year (<c>2019</c>), the month (<c>2019-06</c>) or the day (<c>2019-06-15</c>), as
/// resumes, LinkedIn and applicant-tracking exports give employment and education dates. It keeps its precision:
/// <see cref="First"/> and <see cref="Last"/> are the first and last day it can mean, so a check compares at the
/// precision it was given. A timestamp (<c>2019-06-15T00:00:00Z</c>) counts as its date.</summary>
[JsonConverter(typeof(PartialDateJsonConverter))]
public readonly record struct PartialDate : IComparable<PartialDate>
{
    public int Year { get; }
    public int? Month { get; }
    public int? Day { get; }

    private PartialDate(int year, int? month, int? day) => (Year, Month, Day) = (year, month, day);

    public static PartialDate OfYear(int year) => new(year, null, null);
    public static PartialDate OfMonth(int year, int month) => new(year, month, null);

    public static implicit operator PartialDate(DateOnly date) => new(date.Year, date.Month, date.Day);

    public DateOnly First => new(Year, Month ?? 1, Day ?? 1);

    public DateOnly Last => Day is not null ? First : Month is { } m ? new DateOnly(Year, m, DateTime.DaysInMonth(Year, m)) : new DateOnly(Year, 12, 31);

    public static bool TryParse(string? text, out PartialDate date)
    {
        date = default;
        var s = text?.Trim() ?? "";
        if (s.Length > 10 && s[10] is 'T' or ' ') s = s[..10]; // a timestamp: its date
        var parts = s.Split('-');
        if (parts.Length is < 1 or > 3 || parts[0].Length != 4 || parts.Skip(1).Any(p => p.Length != 2)) return false;
        var numbers = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i])) return false;
        if (numbers[0] is < 1 or > 9999) return false;
        if (numbers.Length > 1 && numbers[1] is < 1 or > 12) return false;
        if (numbers.Length > 2 && (numbers[2] < 1 || numbers[2] > DateTime.DaysInMonth(numbers[0], numbers[1]))) return false;
        date = new PartialDate(numbers[0], numbers.Length > 1 ? numbers[1] : null, numbers.Length > 2 ? numbers[2] : null);
        return true;
    }

    /// <summary>In its own precision: 2019, 2019-06 or 2019-06-15.</summary>
    public override string ToString() => Day is not null ? First.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : ToMonthString();

    /// <summary>To the month where the month is known (2019-06), else the year: how pages list a work history.</summary>
    public string ToMonthString() => Month is { } m ? $"{Year:D4}-{m:D2}" : Year.ToString("D4", CultureInfo.InvariantCulture);

    public int CompareTo(PartialDate other) => First.CompareTo(other.First) is var c and not 0 ? c : Last.CompareTo(other.Last);
}

/// <summary>Reads "2019", "2019-06", "2019-06-15" or a timestamp (and a bare year as a JSON number); writes the
/// precision it was given.</summary>
public sealed class PartialDateJsonConverter : JsonConverter<PartialDate>
{
    public override PartialDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var year) && year is >= 1 and <= 9999)
            return PartialDate.OfYear(year);
        if (reader.TokenType == JsonTokenType.String && PartialDate.TryParse(reader.GetString(), out var date)) return date;
        throw new JsonException("Expected a date as YYYY, YYYY-MM or YYYY-MM-DD.");
    }

    public override void Write(Utf8JsonWriter writer, PartialDate value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
