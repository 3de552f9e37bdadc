using HireVet.Infrastructure.Connectors;

namespace HireVet.IntegrationTests.Connectors;

public sealed class VendorHttpTests
{
    private static Uri? Next(string requested, params string[] linkHeaders)
    {
        using var response = new HttpResponseMessage { RequestMessage = new HttpRequestMessage(HttpMethod.Get, requested) };
        foreach (var header in linkHeaders) response.Headers.TryAddWithoutValidation("Link", header);
        return VendorHttp.NextLink(response);
    }

    [Fact]
    public void The_next_link_is_found_in_Okta_s_separate_Link_headers_and_in_one_comma_separated_header()
    {
        Assert.Equal(new Uri("https://x.okta.com/api/v1/logs?after=2"), Next("https://x.okta.com/api/v1/logs",
            "<https://x.okta.com/api/v1/logs?after=1>; rel=\"self\"", "<https://x.okta.com/api/v1/logs?after=2>; rel=\"next\""));
        Assert.Equal(new Uri("https://h.example/c?page=3"), Next("https://h.example/c",
            "<https://h.example/c?page=1>; rel=\"prev\", <https://h.example/c?page=3>; rel=next, <https://h.example/c?page=9>; rel=\"last\""));
        Assert.Null(Next("https://h.example/c", "<https://h.example/c?page=1>; rel=\"self\""));
        Assert.Null(Next("https://h.example/c"));
    }

    [Fact]
    public void A_comma_inside_the_URL_a_list_of_relation_types_and_a_relative_link_are_read_as_RFC_8288_writes_them()
    {
        Assert.Equal("https://h.example/c?ids=1,2&page=2", Next("https://h.example/c",
            "<https://h.example/c?ids=1,2&page=1>; rel=\"self\", <https://h.example/c?ids=1,2&page=2>; title=\"a, b\"; rel=\"next\"")!.OriginalString);
        Assert.Equal(new Uri("https://h.example/c?page=2"), Next("https://h.example/c", "<https://h.example/c?page=2>; rel=\"next last\""));
        Assert.Equal(new Uri("https://h.example/api/c?page=2"), Next("https://h.example/api/c?page=1", "</api/c?page=2>; REL=\"next\""));
    }
}
