using HireVet.Quality.Running;

namespace HireVet.Quality.Corpus;

/// <summary>Sanctioned parties the rings use: DPRK-linked wallets from OFAC's list (shared/data/crypto) and the front
/// companies OFAC designated for IT-worker revenue (indicators.md §3.2), as an applicant might write them.</summary>
public sealed class Sanctioned
{
    /// <summary>Payout currencies people actually ask for; the list also holds chain-specific duplicates.</summary>
    private static readonly HashSet<string> PayoutTickers = ["ETH", "USDT", "XBT", "TRX", "USDC"];

    public static readonly string[] FrontCompanies =
    [
        "Yanbian Silverstar Network Technology Co., Ltd.", "Yanbian Silverstar Network Technology", "Volasys Silver Star",
        "Chinyong Information Technology Cooperation Company", "Jinyong IT Cooperation Company",
        "Shenyang Geumpungri Network Technology Co., Ltd.", "Korea Sobaeksu Trading Company",
    ];

    public IReadOnlyList<(string Ticker, string Address)> Wallets { get; }

    private Sanctioned(IReadOnlyList<(string, string)> wallets) => Wallets = wallets;

    public static Sanctioned Load()
    {
        // ticker,address,sdn_ent_num,sdn_name,programs
        var wallets = File.ReadLines(Paths.DprkWallets).Skip(1)
            .Select(l => l.Split(','))
            .Where(p => p.Length >= 2 && PayoutTickers.Contains(p[0]))
            .Select(p => (p[0], p[1]))
            .Distinct()
            .ToArray();
        if (wallets.Length == 0) throw new InvalidOperationException($"No DPRK wallets in {Paths.DprkWallets}.");
        return new Sanctioned(wallets);
    }
}
