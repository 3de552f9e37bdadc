using HireVet.Application.Checks.Identity;
using HireVet.Application.Checks.Payroll;
using HireVet.Application.Checks.Shipping;
using static HireVet.UnitTests.Checks.CheckTestData;

namespace HireVet.UnitTests.Checks;

public sealed class NameChecksTests
{
    [Fact]
    public void Romanised_and_reordered_names_of_the_candidate_raise_nothing()
    {
        var context = Context(Honest);
        Assert.Empty(new PayeeNameCheck().Run(context).Signals);
        Assert.Empty(new IdentityDocumentNameCheck().Run(context).Signals);
        Assert.Empty(new ShippingRecipientCheck().Run(context).Signals);
    }

    [Fact]
    public void A_payee_who_is_someone_else_raises_PAY_04_with_the_names_as_evidence()
    {
        var d = Honest with { PayrollDestination = Honest.PayrollDestination! with { AccountHolderName = "Christina Moore" } };

        var signal = Assert.Single(new PayeeNameCheck().Run(Context(d)).Signals);

        Assert.Equal(("PAY-04", "high"), (signal.IndicatorId, signal.Severity));
        Assert.Equal("Christina Moore", signal.Evidence["accountHolderName"]!.GetValue<string>());
        Assert.Equal(["Kim Sang Man", "Sam Kim"], signal.Evidence["declaredNames"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public void A_similar_but_different_person_is_not_the_candidate()
    {
        var d = Honest with { PayrollDestination = Honest.PayrollDestination! with { AccountHolderName = "Kim Sang Min" } };
        Assert.Equal("PAY-04", Assert.Single(new PayeeNameCheck().Run(Context(d)).Signals).IndicatorId);
    }

    [Fact]
    public void A_document_in_another_name_raises_ID_01()
    {
        var d = Honest with { IdentityDocument = Honest.IdentityDocument! with { NameOnDocument = "Pak Chol Su" } };
        var signal = Assert.Single(new IdentityDocumentNameCheck().Run(Context(d)).Signals);
        Assert.Equal(("ID-01", "Pak Chol Su"), (signal.IndicatorId, signal.Evidence["nameOnDocument"]!.GetValue<string>()));
    }

    [Fact]
    public void A_laptop_addressed_to_someone_else_raises_SHIP_01()
    {
        var d = Honest with { EquipmentShipping = Honest.EquipmentShipping! with { RecipientName = "Christina Chapman" } };
        Assert.Equal("SHIP-01", Assert.Single(new ShippingRecipientCheck().Run(Context(d)).Signals).IndicatorId);
    }

    [Fact]
    public void Checks_without_their_data_are_not_evaluated_rather_than_passed()
    {
        var bare = Honest with { PayrollDestination = null, IdentityDocument = null, EquipmentShipping = null };
        Assert.NotNull(new PayeeNameCheck().Run(Context(bare)).NotEvaluatedReason);
        Assert.NotNull(new IdentityDocumentNameCheck().Run(Context(bare)).NotEvaluatedReason);
        Assert.NotNull(new ShippingRecipientCheck().Run(Context(bare)).NotEvaluatedReason);
        Assert.NotNull(new ShippingAddressCheck().Run(Context(bare)).NotEvaluatedReason);
        Assert.NotNull(new CryptoPayoutCheck().Run(Context(bare)).NotEvaluatedReason);
    }
}
