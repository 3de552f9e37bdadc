using HireVet.Application.Checks;
using HireVet.Application.Checks.Identity;
using HireVet.Application.Checks.Payroll;
using HireVet.Application.Checks.Shipping;
using HireVet.Application.Dossiers;
using static HireVet.UnitTests.Checks.CheckTestData;

namespace HireVet.UnitTests.Checks.Identity;

/// <summary>A name that differs from a declared one in a single name (the causes ATS vendors list for identity
/// mismatches: married and maiden names, nicknames, preferred names) is graded lower and worded as a question;
/// a name of someone else stays what it was.</summary>
public sealed class NameChangeTests
{
    private static readonly Dossier Married = Honest with
    {
        LegalName = "Maria Lopez", OtherNames = null,
        IdentityDocument = Honest.IdentityDocument! with { NameOnDocument = "GARCIA MARIA" }, // issued before the marriage
        PayrollDestination = Honest.PayrollDestination! with { AccountHolderName = "Maria Garcia" },
        EquipmentShipping = Honest.EquipmentShipping! with { RecipientName = "Maria Lopez" },
    };

    [Fact]
    public void A_document_in_the_maiden_name_is_ID_01_low_with_the_likely_cause()
    {
        var signal = Assert.Single(new IdentityDocumentNameCheck().Run(Context(Married)).Signals);

        Assert.Equal(("ID-01", Severity.Low), (signal.IndicatorId, signal.Severity));
        Assert.Contains("married or maiden surname", signal.Explanation);
        Assert.Contains("Ask for the document that shows the change", signal.Explanation);
        Assert.Equal(NameChange.Causes, signal.Evidence["likelyCause"]!.GetValue<string>());
    }

    [Fact]
    public void An_account_in_the_maiden_name_is_PAY_04_medium_not_someone_elses_account()
    {
        var signal = Assert.Single(new PayeeNameCheck().Run(Context(Married)).Signals);

        Assert.Equal(("PAY-04", Severity.Medium), (signal.IndicatorId, signal.Severity));
        Assert.Contains("differs from \"Maria Lopez\" in one name only", signal.Explanation);
    }

    [Fact]
    public void A_laptop_addressed_to_the_preferred_given_name_is_SHIP_01_medium()
    {
        var d = Honest with { LegalName = "Katherine Anne Byrne", OtherNames = null, EquipmentShipping = Honest.EquipmentShipping! with { RecipientName = "Kate Byrne" } };

        var signal = Assert.Single(new ShippingRecipientCheck().Run(Context(d)).Signals);

        Assert.Equal(("SHIP-01", Severity.Medium), (signal.IndicatorId, signal.Severity));
    }

    [Fact]
    public void Someone_elses_name_stays_high()
    {
        var d = Married with
        {
            PayrollDestination = Married.PayrollDestination! with { AccountHolderName = "Wei Zhang" },
            EquipmentShipping = Married.EquipmentShipping! with { RecipientName = "Daniel Okafor" },
        };

        Assert.Equal(Severity.High, Assert.Single(new PayeeNameCheck().Run(Context(d)).Signals).Severity);
        Assert.Equal(Severity.High, Assert.Single(new ShippingRecipientCheck().Run(Context(d)).Signals).Severity);
    }

    [Fact]
    public void A_single_shared_word_among_three_is_not_one_name_apart()
    {
        // "Maria" alone in a three-word name is not enough: two of its three names are another person's.
        var d = Married with { PayrollDestination = Married.PayrollDestination! with { AccountHolderName = "Maria Fernanda Ruiz" } };

        Assert.Equal(Severity.High, Assert.Single(new PayeeNameCheck().Run(Context(d)).Signals).Severity);
    }

    [Theory]
    [InlineData("Kang Ye-jin", "KWON YEJIN")]                                  // Korean: family first, given name run together
    [InlineData("Ana Sofía Sánchez Jiménez", "HERNANDEZ MORALES ANASOFIA")]   // two surnames replaced by two
    [InlineData("Siobhán Kennedy", "WALSH SIOBHAN")]
    [InlineData("Nguyen Thi Lan", "TRAN THI LAN")]
    public void A_maiden_name_on_the_document_is_one_name_apart_whatever_the_names_structure(string legal, string onDocument)
    {
        var d = Honest with { LegalName = legal, OtherNames = null, IdentityDocument = Honest.IdentityDocument! with { NameOnDocument = onDocument } };

        Assert.Equal(Severity.Low, Assert.Single(new IdentityDocumentNameCheck().Run(Context(d)).Signals).Severity);
    }

    [Fact]
    public void Two_surnames_replaced_by_one_are_not_one_name_apart()
    {
        var d = Married with { LegalName = "Ana Sofía Sánchez Jiménez", PayrollDestination = Married.PayrollDestination! with { AccountHolderName = "Ana Torres" } };

        Assert.Equal(Severity.High, Assert.Single(new PayeeNameCheck().Run(Context(d)).Signals).Severity);
    }
}
