using HireVet.Application.Checks;
using HireVet.Application.Checks.Links;
using HireVet.Application.Checks.Payroll;
using HireVet.Application.Checks.Shipping;
using HireVet.Application.Dossiers;
using static HireVet.UnitTests.Checks.CheckTestData;

namespace HireVet.UnitTests.Checks;

public sealed class ShippingAndPayoutChecksTests
{
    [Fact]
    public void Shipping_to_the_residence_written_differently_raises_nothing()
    {
        Assert.Equal(CheckResult.NotFired, new ShippingAddressCheck().Run(Context(Honest)));
    }

    [Fact]
    public void Shipping_to_an_address_neither_on_the_document_nor_the_residence_raises_SHIP_01()
    {
        var farm = new PostalAddress { Line1 = "4410 Sycamore Ridge Dr", City = "Nashville", Region = "TN", PostalCode = "37211", Country = "US" };
        var d = Honest with { EquipmentShipping = Honest.EquipmentShipping! with { Address = farm } };

        var signal = Assert.Single(new ShippingAddressCheck().Run(Context(d)).Signals);

        Assert.Equal("SHIP-01", signal.IndicatorId);
        Assert.Equal("4410 Sycamore Ridge Dr, Nashville, TN, 37211, US", signal.Evidence["shippingAddress"]!.GetValue<string>());
    }

    [Fact]
    public void Shipping_to_the_document_address_after_moving_raises_nothing()
    {
        var moved = Home with { Line1 = "2 New Street", PostalCode = "78701" };
        var d = Honest with { ClaimedResidence = moved };
        Assert.Empty(new ShippingAddressCheck().Run(Context(d)).Signals);
    }

    [Theory]
    [InlineData("crypto", null)]
    [InlineData("other", "TXq7Lh2bGm8NnVJ4qk1wq3cYdW8ZrP5uFe")]
    public void A_crypto_payout_raises_PAY_01(string method, string? wallet)
    {
        var d = Honest with { PayrollDestination = new() { Method = method, WalletTicker = "USDT", WalletAddress = wallet } };
        var signal = Assert.Single(new CryptoPayoutCheck().Run(Context(d)).Signals);
        Assert.Equal("PAY-01", signal.IndicatorId);
        Assert.DoesNotContain("TXq7Lh2bGm8NnVJ4qk1wq3cYdW8ZrP5uFe", signal.Evidence.ToJsonString());
    }

    [Fact]
    public void A_bank_transfer_or_payment_platform_is_not_a_crypto_payout()
    {
        Assert.Empty(new CryptoPayoutCheck().Run(Context(Honest)).Signals);
        var wise = Honest with { PayrollDestination = new() { Method = "payment_platform", Platform = "Wise", AccountHolderName = "Kim Sang Man" } };
        Assert.Empty(new CryptoPayoutCheck().Run(Context(wise)).Signals);
    }

    [Fact]
    public void Identifiers_shared_with_other_candidates_raise_one_link_signal_per_identifier_naming_them()
    {
        SharedIdentifier Shared(string kind, long id, string name) => new()
        {
            Kind = kind, Display = kind == "bank_account" ? "account ••••0112" : "x", OtherCandidateId = id, OtherExternalId = $"ext-{id}",
            OtherLegalName = name, OtherStatus = "review",
        };
        var context = Context(Honest, Shared("bank_account", 7, "Ryan Scott"), Shared("bank_account", 9, "Jason Miller"), Shared("id_document", 7, "Ryan Scott"));

        var signals = new SharedIdentifiersCheck().Run(context).Signals;

        Assert.Equal(["LINK-05", "LINK-01"], signals.Select(s => s.IndicatorId));
        Assert.Equal("The same payroll account is on 2 other candidates: Ryan Scott (ext-7), Jason Miller (ext-9).", signals[0].Explanation);
        Assert.Equal(2, signals[0].Evidence["otherCandidates"]!.AsArray().Count);
    }
}
