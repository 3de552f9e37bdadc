using System.Globalization;
using HireVet.Application.ReferenceData.Sanctions;

namespace HireVet.UnitTests.ReferenceData.Sanctions;

public class BirthDatesTests
{
    [Theory]
    [InlineData("1975", "1975-01-01", "1975-12-31")]
    [InlineData("1975-04", "1975-04-01", "1975-04-30")]
    [InlineData("1975-04-12", "1975-04-12", "1975-04-12")]
    [InlineData("1969..1971", "1969-01-01", "1971-12-31")]
    [InlineData("circa 1951", "1950-01-01", "1952-12-31")]
    [InlineData("1962-03-01..1963-02-28", "1962-03-01", "1963-02-28")]
    public void Reads_listed_birth_dates_as_day_ranges(string text, string from, string to)
    {
        Assert.Equal((Day(from), Day(to)), BirthDates.ParseRange(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("April 1975")]
    [InlineData("1975-13")]
    public void Rejects_birth_dates_in_other_shapes(string? text)
    {
        Assert.Null(BirthDates.ParseRange(text));
    }

    [Fact]
    public void Overlapping_ranges_agree_and_disjoint_ones_do_not()
    {
        var year1965 = BirthDates.ParseRange("1965")!.Value;

        Assert.True(BirthDates.Overlap(year1965, BirthDates.ParseRange("1965-04-25")!.Value));
        Assert.True(BirthDates.Overlap(year1965, BirthDates.ParseRange("1960..1965")!.Value));
        Assert.False(BirthDates.Overlap(year1965, BirthDates.ParseRange("1966-01-01")!.Value));
    }

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
