using HireVet.Application.ReferenceData.Banking;
using HireVet.Infrastructure.ReferenceData.Banking;

namespace HireVet.UnitTests.ReferenceData.Banking;

public sealed class JsObjectLiteralTests
{
    [Fact]
    public void Reads_the_values_data_tables_are_written_with()
    {
        var value = JsObjectLiteral.Parse("""
            {
                // a line comment
                AD: { chars: 24, bban_regexp: '^[0-9]{8}[A-Z0-9]{12}$', IBANRegistry: true, SEPA: false, },
                'quoted key': "it's \"quoted\" \u00e9\x41\d",
                /* a block
                   comment */ 42: [1, -2.5, 3e2, null, undefined],
                BE: { bban_validation_func: checkBelgianBBAN },
            }
            """);

        var ad = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(value["AD"]);
        Assert.Equal(24.0, ad["chars"]);
        Assert.Equal("^[0-9]{8}[A-Z0-9]{12}$", ad["bban_regexp"]);
        Assert.Equal((true, false), (ad["IBANRegistry"], ad["SEPA"]));
        Assert.Equal("it's \"quoted\" éAd", value["quoted key"]);
        Assert.Equal(new object?[] { 1.0, -2.5, 300.0, null, null }, Assert.IsType<List<object?>>(value["42"]));
        var be = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(value["BE"]);
        Assert.Equal(new JsObjectLiteral.Reference("checkBelgianBBAN"), be["bban_validation_func"]);
        Assert.Equal(["AD", "quoted key", "42", "BE"], value.Keys);
    }

    [Theory]
    [InlineData("exports.specs = { a: 1 };")]
    [InlineData("export const specs = {a:1}")]
    [InlineData("var specs={ a: 1 }")]
    [InlineData("exports.specs = exports.other = void 0;\nexports.specs = { a: 1 };")]
    [InlineData("// exports.specs = { a: 2 };\nexports.specs = { a: 1 };")]
    public void Finds_the_one_object_literal_assigned_to_a_name(string script)
    {
        Assert.Equal(1.0, JsObjectLiteral.Assigned(script, "specs")["a"]);
    }

    [Theory]
    [InlineData("exports.other = { a: 1 };")]
    [InlineData("exports.specs = { a: 1 };\nexports.specs = { a: 2 };")]
    [InlineData("exports.mySpecs = { a: 1 };")]
    public void Refuses_a_script_without_exactly_one_such_literal(string script)
    {
        Assert.Throws<FormatException>(() => JsObjectLiteral.Assigned(script, "specs"));
    }

    [Theory]
    [InlineData("{ a: f() }")]
    [InlineData("{ a: b.c }")]
    [InlineData("{ a: `template` }")]
    [InlineData("{ a: 1, a: 2 }")]
    [InlineData("{ a: 'open }")]
    [InlineData("{ a: 1 ")]
    [InlineData("{ a: 1 } extra")]
    [InlineData("{ a 1 }")]
    public void Refuses_anything_that_is_not_plain_data(string literal)
    {
        var e = Assert.Throws<FormatException>(() => JsObjectLiteral.Parse(literal));
        Assert.Contains("line 1", e.Message);
    }
}
