namespace HireVet.Application.Common.Formats.Crypto;

/// <summary>Whether an address is well-formed for its ticker. <see cref="Format"/> names the encoding that was checked
/// (e.g. "base58check p2pkh", "bech32 p2wpkh", "eip-55", "tron base58check"), or
/// <see cref="CryptoAddress.NotValidated"/> when HireVet has no rule for the ticker; <see cref="Problem"/> says, in
/// words a reviewer understands, why an invalid address is invalid.</summary>
public sealed record CryptoAddressCheck(bool Valid, string Format, string? Problem)
{
    /// <summary>False when the ticker has no rule and the address was passed without looking at it.</summary>
    public bool Checked => Format != CryptoAddress.NotValidated;
}

/// <summary>Mainnet address formats of the currencies a payout wallet is usually given in. Formats and checksums only:
/// a valid address may still never have been used.</summary>
public static class CryptoAddress
{
    public const string NotValidated = "not validated";

    private static readonly string[] EvmTickers = ["ETH", "ETC", "ARB", "BSC"];

    public static CryptoAddressCheck Validate(string ticker, string address)
    {
        ArgumentNullException.ThrowIfNull(ticker);
        ArgumentNullException.ThrowIfNull(address);
        ticker = ticker.Trim().ToUpperInvariant();
        address = address.Trim();
        if (address.Length == 0) return Invalid("empty", "the address is empty");

        return ticker switch
        {
            "XBT" or "BTC" => Bitcoin.Validate(address),
            "LTC" => Litecoin.Validate(address),
            "TRX" => Tron(address),
            "XMR" => Monero(address),
            _ when EvmTickers.Contains(ticker) => Evm(address),
            // Tether and USD Coin live on several chains; the address shape says which one.
            "USDT" when IsHexPrefixed(address) => Evm(address),
            "USDT" when address.StartsWith('T') => Tron(address),
            "USDT" when address[0] is '1' or '3' => Bitcoin.Validate(address, "omni on bitcoin: "),
            "USDC" when IsHexPrefixed(address) => Evm(address),
            _ => new CryptoAddressCheck(true, NotValidated, null),
        };
    }

    private static CryptoAddressCheck Valid(string format) => new(true, format, null);

    private static CryptoAddressCheck Invalid(string format, string problem) => new(false, format, problem);

    private static bool IsHexPrefixed(string address) => address.StartsWith("0x", StringComparison.OrdinalIgnoreCase);

    /// <summary>A Bitcoin-family chain: Base58Check with a P2PKH and P2SH version byte, or segwit under its prefix.</summary>
    private sealed record Chain(string Name, byte P2pkh, byte[] P2sh, string Hrp)
    {
        public CryptoAddressCheck Validate(string address, string formatPrefix = "")
        {
            if (address.StartsWith(Hrp + "1", StringComparison.OrdinalIgnoreCase)) return Segwit(address, formatPrefix);

            if (Bech32.TryDecode(address, out var other, out _))
                return Invalid(formatPrefix + "bech32", $"it is a Bech32 address with prefix \"{other.Hrp}\", and {Name} mainnet addresses use \"{Hrp}\"");

            const string format = "base58check";
            if (!Base58Check.TryDecode(address, out var payload, out var problem))
                return Invalid(formatPrefix + format, WrongChainHint(address) ?? problem);
            if (payload.Length != 21)
                return Invalid(formatPrefix + format, $"it decodes to {payload.Length} bytes; a {Name} address carries 21 (a version byte and a 20-byte hash)");
            if (payload[0] == P2pkh) return Valid(formatPrefix + format + " p2pkh");
            if (P2sh.Contains(payload[0])) return Valid(formatPrefix + format + " p2sh");
            return Invalid(formatPrefix + format, WrongChainHint(address)
                ?? $"its version byte 0x{payload[0]:x2} is not a {Name} mainnet address (P2PKH 0x{P2pkh:x2}, P2SH {string.Join(" or ", P2sh.Select(v => $"0x{v:x2}"))})");
        }

        private CryptoAddressCheck Segwit(string address, string formatPrefix)
        {
            if (!Bech32.TryDecodeSegwit(Hrp, address, out var segwit, out var problem))
                return Invalid(formatPrefix + "bech32", problem);
            var variant = segwit.Variant == Bech32Variant.Bech32 ? "bech32" : "bech32m";
            return (segwit.WitnessVersion, segwit.Program.Length) switch
            {
                (0, 20) => Valid($"{formatPrefix}{variant} p2wpkh"),
                (0, 32) => Valid($"{formatPrefix}{variant} p2wsh"),
                (1, 32) => Valid($"{formatPrefix}{variant} p2tr"),
                (_, 32) => Valid($"{formatPrefix}{variant} witness v{segwit.WitnessVersion}"),
                // BIP-350 allows 2 to 40 bytes, but only 32-byte programs are in use past version 0; anything else
                // cannot be spent safely, and no wallet hands one out to receive pay.
                var (version, length) => Invalid($"{formatPrefix}{variant}",
                    $"only 32-byte witness programs are in use for version {version}, and this one has {length} bytes"),
            };
        }
    }

    private static readonly Chain Bitcoin = new("Bitcoin", 0x00, [0x05], "bc");

    // Litecoin's P2SH moved from Bitcoin's 0x05 ("3...") to 0x32 ("M..."); wallets still accept both.
    private static readonly Chain Litecoin = new("Litecoin", 0x30, [0x32, 0x05], "ltc");

    /// <summary>Ethereum and EVM chains: 0x + 40 hex digits. A mixed-case address carries an EIP-55 checksum, which must
    /// match; all-lower or all-upper addresses carry none and pass as unchecksummed.</summary>
    private static CryptoAddressCheck Evm(string address)
    {
        const string format = "eip-55";
        if (!IsHexPrefixed(address)) return Invalid(format, WrongChainHint(address) ?? "it does not start with 0x");
        var hex = address[2..];
        if (!hex.All(char.IsAsciiHexDigit)) return Invalid(format, "it contains characters that are not hexadecimal digits");
        if (hex.Length != 40) return Invalid(format, $"it has {hex.Length} hex digits after 0x; an address has 40");

        var hasLower = hex.Any(char.IsAsciiLetterLower);
        var hasUpper = hex.Any(char.IsAsciiLetterUpper);
        if (!(hasLower && hasUpper)) return Valid("hex, no eip-55 checksum");

        var hash = Keccak256.Hash(System.Text.Encoding.ASCII.GetBytes(hex.ToLowerInvariant()));
        for (var i = 0; i < hex.Length; i++)
        {
            if (!char.IsAsciiLetter(hex[i])) continue;
            var nibble = (i % 2 == 0 ? hash[i / 2] >> 4 : hash[i / 2]) & 0x0f;
            if (char.IsAsciiLetterUpper(hex[i]) != nibble >= 8)
                return Invalid(format, "its mixed-case EIP-55 checksum does not match, so a character or its case is wrong");
        }
        return Valid(format);
    }

    /// <summary>TRON: Base58Check of version byte 0x41 + 20-byte account id (addresses start with T).</summary>
    private static CryptoAddressCheck Tron(string address)
    {
        const string format = "tron base58check";
        if (IsHexPrefixed(address)) return Invalid(format, "it is a 0x address, not a TRON address (which starts with T)");
        if (!Base58Check.TryDecode(address, out var payload, out var problem)) return Invalid(format, problem);
        if (payload.Length != 21) return Invalid(format, $"it decodes to {payload.Length} bytes; a TRON address carries 21");
        if (payload[0] != 0x41) return Invalid(format, $"its version byte is 0x{payload[0]:x2}, not TRON's 0x41");
        return Valid(format);
    }

    private static bool IsTron(string address) =>
        Base58Check.TryDecode(address, out var payload, out _) && payload.Length == 21 && payload[0] == 0x41;

    /// <summary>Monero: block Base58 of network byte + spend key + view key (+ 8-byte payment id when integrated) +
    /// the first 4 bytes of their Keccak-256. 95 characters, or 106 for an integrated address.</summary>
    private static CryptoAddressCheck Monero(string address)
    {
        const string format = "monero base58";
        if (address.Length is not (95 or 106))
            return Invalid(format, $"it is {address.Length} characters long; a Monero address has 95 (106 when integrated)");
        var bad = address.AsSpan().IndexOfAnyExcept(Base58.Alphabet);
        if (bad >= 0) return Invalid(format, $"it contains {Base58Check.Describe(address[bad])}, which is not in the Base58 alphabet");
        if (!MoneroBase58.TryDecode(address, out var raw)) return Invalid(format, "a block of it spells a number too large for its width");

        var body = raw.AsSpan(0, raw.Length - 4);
        if (!Keccak256.Hash(body).AsSpan(0, 4).SequenceEqual(raw.AsSpan(raw.Length - 4)))
            return Invalid(format, "its checksum does not match, so a character is wrong, missing or swapped");
        return (raw[0], address.Length) switch
        {
            (18, 95) => Valid("monero standard"),
            (42, 95) => Valid("monero subaddress"),
            (19, 106) => Valid("monero integrated"),
            var (network, _) => Invalid(format, $"its network byte {network} is not a mainnet Monero address (18, 42, or 19 when integrated)"),
        };
    }

    // A valid address of another chain given under the wrong ticker deserves a clearer word than "bad checksum".
    private static string? WrongChainHint(string address) =>
        IsTron(address) ? "it is a TRON address (T...), not one of this currency"
        : IsHexPrefixed(address) && address.Length == 42 ? "it is an Ethereum-style 0x address, not one of this currency"
        : null;
}
