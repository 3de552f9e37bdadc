using HireVet.Application.Checks;
using HireVet.Application.Checks.Payroll;
using HireVet.Application.Dossiers;
using HireVet.Application.Vetting;
using HireVet.Application.Vetting.Scoring;
using static HireVet.UnitTests.Checks.Payroll.PayrollTestData;

namespace HireVet.UnitTests.Checks.Payroll;

public sealed class WalletFormatCheckTests
{
    private static CheckResult Run(Dossier d) => new WalletFormatCheck().Run(Context(d));

    private static Dossier Wallet(string ticker, string address) =>
        PaidTo(UsResident, new() { Method = "crypto", WalletTicker = ticker, WalletAddress = address });

    [Fact]
    public void A_valid_bech32_Bitcoin_address_raises_nothing()
    {
        Assert.Equal(CheckResult.NotFired, Run(Wallet("XBT", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")));
    }

    [Fact]
    public void An_Ethereum_address_with_a_broken_EIP_55_checksum_raises_PAY_01_medium()
    {
        // The EIP-55 example 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed with its last letter's case flipped.
        var signal = Assert.Single(Run(Wallet("ETH", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD")).Signals);

        Assert.Equal("PAY-01", signal.IndicatorId);
        Assert.Equal(Severity.Medium, signal.Severity);
        Assert.Equal("The wallet address is not a valid ETH address " +
            "(its mixed-case EIP-55 checksum does not match, so a character or its case is wrong).", signal.Explanation);
        Assert.Equal("••••eAeD", signal.Evidence["wallet"]!.GetValue<string>());
        Assert.Equal("eip-55", signal.Evidence["format"]!.GetValue<string>());
        Assert.DoesNotContain("5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", signal.Evidence.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_USDT_wallet_with_a_mistyped_TRON_address_raises_PAY_01_medium()
    {
        var signal = Assert.Single(Run(Wallet("USDT", "TXq7Lh2bGm8NnVJ4qk1wq3cYdW8ZrP5uFe")).Signals);
        Assert.Contains("checksum does not match", signal.Explanation);
        Assert.Equal("tron base58check", signal.Evidence["format"]!.GetValue<string>());
    }

    [Fact]
    public void An_address_of_another_chain_says_so()
    {
        var signal = Assert.Single(Run(Wallet("XBT", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t")).Signals);
        Assert.Equal("The wallet address is not a valid XBT address (it is a TRON address (T...), not one of this currency).", signal.Explanation);
    }

    [Fact]
    public void A_currency_HireVet_cannot_check_is_not_evaluated_rather_than_passed()
    {
        var result = Run(Wallet("SOL", "42RLPACwZPx3vYYmxSueqsogfynBDqXK298EDsNoyoHi"));
        Assert.Equal("HireVet has no address format rule for SOL.", result.NotEvaluatedReason);
    }

    [Fact]
    public void Without_a_wallet_the_check_is_not_evaluated()
    {
        Assert.NotNull(Run(UsResident).NotEvaluatedReason);
        Assert.NotNull(Run(UsResident with { PayrollDestination = null }).NotEvaluatedReason);
    }

    [Fact]
    public void A_malformed_wallet_adds_nothing_to_the_score_of_the_crypto_payout_itself()
    {
        // PAY-01 counts once, at its heaviest signal: crypto-payout's high one.
        var d = Wallet("ETH", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD");
        var alone = new VettingEngine([new CryptoPayoutCheck()], Ruleset.Embedded).Assess(Context(d));
        var both = new VettingEngine([new CryptoPayoutCheck(), new WalletFormatCheck()], Ruleset.Embedded).Assess(Context(d));

        Assert.Equal(2, both.Signals.Count);
        Assert.Equal(alone.Score, both.Score);
    }
}
