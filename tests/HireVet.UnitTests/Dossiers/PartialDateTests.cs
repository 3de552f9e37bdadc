using System.Text.Json;
using HireVet.Application.Dossiers;

namespace HireVet.UnitTests.Dossiers;

public sealed class PartialDateTests
{
    [Theory]
    [InlineData("2019", "2019", "2019-01-01", "2019-12-31")]
    [InlineData("2019-06", "2019-06", "2019-06-01", "2019-06-30")]
    [InlineData("2020-02", "2020-02", "2020-02-01", "2020-02-29")]
    [InlineData("2019-06-15", "2019-06-15", "2019-06-15", "2019-06-15")]
    [InlineData("2019-06-15T00:00:00.000Z", "2019-06-15", "2019-06-15", "2019-06-15")]
    [InlineData(" 2019-06 ", "2019-06", "2019-06-01", "2019-06-30")]
    public void A_date_keeps_the_precision_it_was_given(string text, string stored, string first, string last)
    {
        Assert.True(PartialDate.TryParse(text, out var date));
        Assert.Equal(stored, date.ToString());
        Assert.Equal(DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture), date.First);
        Assert.Equal(DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture), date.Last);
    }

    [Theory]
    [InlineData("")]
    [InlineData("19")]
    [InlineData("2019-13")]
    [InlineData("2019-00")]
    [InlineData("2019-02-30")]
    [InlineData("2019-6")]
    [InlineData("June 2019")]
    [InlineData("2019/06")]
    public void What_is_no_date_is_refused(string text) => Assert.False(PartialDate.TryParse(text, out _));

    private sealed record Job(PartialDate? StartedOn, PartialDate? EndedOn);

    [Fact]
    public void Json_reads_every_precision_and_a_bare_year_and_writes_back_what_it_read()
    {
        var job = JsonSerializer.Deserialize<Job>("""{"StartedOn":"2019-06","EndedOn":2021}""")!;
        Assert.Equal("""{"StartedOn":"2019-06","EndedOn":"2021"}""", JsonSerializer.Serialize(job));
        Assert.Null(JsonSerializer.Deserialize<Job>("""{"StartedOn":null}""")!.StartedOn);
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Job>("""{"StartedOn":"2019-13"}"""));
        Assert.Equal("$.StartedOn", error.Path);
    }

    [Fact]
    public void Dates_order_by_their_first_day_then_their_last()
    {
        PartialDate Parse(string s) => PartialDate.TryParse(s, out var d) ? d : throw new ArgumentException(s);
        string[] sorted = [.. new[] { "2019-06-15", "2019", "2019-06", "2018-12-31" }.Select(Parse).Order().Select(d => d.ToString())];
        Assert.Equal(["2018-12-31", "2019", "2019-06", "2019-06-15"], sorted);
    }
}
