using HireVet.Application.Ingestion.Formats;

namespace HireVet.UnitTests.Ingestion;

public sealed class EventFieldsTests
{
    [Fact]
    public void A_field_is_found_by_its_exact_name_first_and_otherwise_whatever_its_case()
    {
        var f = new EventFields(PublishedSamples.Parse("""
            {"id":"exact","ID":"other","Category":"SignInLogs","Properties":{"Status":{"ErrorCode":0}},"Level":"4","empty":{}}
            """));

        Assert.Equal("exact", f.Text("id"));
        Assert.Equal("other", f.Text("ID"));
        Assert.Equal(("SignInLogs", "4"), (f.Text("category"), f.Text("level")));
        Assert.Equal("0", f.Text("properties.status.errorCode"));
        Assert.Null(f.Find("properties.status.errorCode.more"));
        Assert.Null(f.Find("empty.city"));
        Assert.Null(f.Find("missing"));
        Assert.False(f.HasErrors);
    }
}
