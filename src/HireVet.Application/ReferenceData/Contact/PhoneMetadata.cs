using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace HireVet.Application.ReferenceData.Contact;

/// <summary>
/// Google libphonenumber's numbering-plan metadata as libphonenumber-js ships it in <c>metadata.max.json</c>
/// (format version 4): <c>country_calling_codes</c> maps a calling code to its regions (main region first),
/// <c>countries</c> and <c>nonGeographic</c> hold one positional array per region or non-geographic code. The
/// positions read here are those of libphonenumber-js's <c>es6/metadata.js</c> (NumberingPlan, Type, getType):
/// <list type="bullet">
/// <item><c>[0]</c> calling code, <c>[2]</c> national number pattern, <c>[3]</c> possible lengths, <c>[5]</c> national
/// prefix, <c>[7]</c> national prefix for parsing, <c>[8]</c> its transform rule, <c>[10]</c> leading digits (a prefix
/// pattern, or 0), <c>[11]</c> types;</item>
/// <item>types: <c>[FIXED_LINE, MOBILE, TOLL_FREE, PREMIUM_RATE, PERSONAL_NUMBER, VOICEMAIL, UAN, PAGER, VOIP,
/// SHARED_COST]</c>, each <c>[pattern, possibleLengths?]</c> or 0 when the region has none (trailing ones may be
/// left out). An empty mobile pattern means "same as fixed line" (the US).</item>
/// </list>
/// <see cref="Describe"/> follows libphonenumber-js's <c>extractNationalNumber</c>, <c>getCountryByCallingCode</c>,
/// <c>getCountryByNationalNumber</c> and <c>getNumberType</c>. Regular expressions are built on first use, anchored
/// to match the whole national number, and cached. Instances are immutable apart from that cache and thread-safe.
/// </summary>
public sealed class PhoneMetadata
{
    private const int MaxCallingCodeLength = 3;

    /// <summary>Type positions in the order libphonenumber tries them after fixed line (getNumberType.js).</summary>
    private static readonly (int Index, string Name)[] NonFixedLineTypes =
    [
        (TypeIndex.Mobile, PhoneNumberTypes.Mobile),
        (TypeIndex.PremiumRate, PhoneNumberTypes.PremiumRate),
        (TypeIndex.TollFree, PhoneNumberTypes.TollFree),
        (TypeIndex.SharedCost, PhoneNumberTypes.SharedCost),
        (TypeIndex.Voip, PhoneNumberTypes.Voip),
        (TypeIndex.PersonalNumber, PhoneNumberTypes.PersonalNumber),
        (TypeIndex.Pager, PhoneNumberTypes.Pager),
        (TypeIndex.Uan, PhoneNumberTypes.Uan),
        (TypeIndex.Voicemail, PhoneNumberTypes.Voicemail),
    ];

    private readonly FrozenDictionary<string, string[]> _regionsByCallingCode;
    private readonly FrozenDictionary<string, NumberingPlan> _plans;
    private readonly FrozenDictionary<string, NumberingPlan> _nonGeographic;
    private readonly ConcurrentDictionary<string, Regex> _regexes = new(StringComparer.Ordinal);

    private PhoneMetadata(
        FrozenDictionary<string, string[]> regionsByCallingCode,
        FrozenDictionary<string, NumberingPlan> plans,
        FrozenDictionary<string, NumberingPlan> nonGeographic)
    {
        _regionsByCallingCode = regionsByCallingCode;
        _plans = plans;
        _nonGeographic = nonGeographic;
    }

    /// <summary>Regions (countries and territories) with a numbering plan: 245 in libphonenumber-js 1.13.16.</summary>
    public int Count => _plans.Count;

    /// <summary>Calling codes known, geographic and non-geographic.</summary>
    public int CallingCodes => _regionsByCallingCode.Count + _nonGeographic.Count;

    /// <summary>Regular expressions built so far (for tests and diagnostics).</summary>
    internal int CachedRegexes => _regexes.Count;

    /// <summary>The regions sharing a calling code (main region first), or an empty array when unknown.</summary>
    public IReadOnlyList<string> RegionsOf(string callingCode) =>
        _regionsByCallingCode.TryGetValue(callingCode, out var regions) ? regions : [];

    /// <summary>Parses libphonenumber-js's <c>metadata.max.json</c> from a stream; <paramref name="source"/> names it in
    /// error messages.</summary>
    public static PhoneMetadata Parse(Stream json, string source)
    {
        using var document = JsonDocument.Parse(json);
        return Read(document.RootElement, source);
    }

    public static PhoneMetadata Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Read(document.RootElement, "input");
    }

    /// <summary>Describes an E.164 number ("+" optional, digits only). Null when it is not a run of digits or its
    /// calling code is unknown.</summary>
    public PhoneInfo? Describe(string? e164)
    {
        if (string.IsNullOrWhiteSpace(e164)) return null;
        var digits = e164.Trim();
        if (digits.StartsWith('+')) digits = digits[1..];
        if (digits.Length is < 2 or > 17 || !digits.All(char.IsAsciiDigit)) return null;

        for (var length = 1; length <= MaxCallingCodeLength && length < digits.Length; length++)
        {
            var code = digits[..length];
            if (_regionsByCallingCode.TryGetValue(code, out var regions))
            {
                var national = StripNationalPrefix(digits[length..], _plans[regions[0]], regions);
                var country = CountryOf(national, regions);
                var type = country is null ? null : TypeOf(_plans[country], national);
                return new PhoneInfo(code, regions, country, type ?? PhoneNumberTypes.Unknown, type is not null) { NationalNumber = national };
            }

            if (_nonGeographic.TryGetValue(code, out var plan))
            {
                var national = StripNationalPrefix(digits[length..], plan, []);
                var type = TypeOf(plan, national);
                return new PhoneInfo(code, [], null, type ?? PhoneNumberTypes.Unknown, type is not null) { NationalNumber = national };
            }
        }

        return null;
    }

    /// <summary>getCountryByCallingCode: the only region of the code, without checking the number; else by number.</summary>
    private string? CountryOf(string national, string[] regions) =>
        regions.Length == 0 ? null : regions.Length == 1 ? regions[0] : RegionOf(national, regions);

    /// <summary>
    /// extractNationalNumber: a national prefix (or a carrier code) written after the calling code, as in
    /// "+44 (0)20 7946 0958", is removed, applying the region's transform rule where it has one (Argentina's mobile
    /// "15" becomes a leading "9"). The main region's plan decides, as libphonenumber does. The prefix is kept when
    /// the number only matches the national pattern with it, or when the rest is too short or of an impossible length.
    /// </summary>
    private string StripNationalPrefix(string number, NumberingPlan main, string[] regions)
    {
        if (number.Length == 0 || (main.NationalPrefixForParsing ?? main.NationalPrefix) is not { } prefixPattern) return number;
        var regex = RegexFor("^(?:" + prefixPattern + ")");
        var match = regex.Match(number);
        if (!match.Success) return number;

        var groups = match.Groups.Count - 1;
        var hasCapturedGroups = groups > 0 && match.Groups[groups] is { Success: true, Length: > 0 };
        var national = main.NationalPrefixTransformRule is { } rule && hasCapturedGroups
            ? regex.Replace(number, rule, 1)
            : number[match.Length..];
        if (national == number) return number;

        if (MatchesEntirely(main.NationalNumberPattern, number) && !MatchesEntirely(main.NationalNumberPattern, national)) return number;
        if (main.PossibleLengths is not null)
        {
            var plan = CountryOf(national, regions) is { } country ? _plans[country] : main;
            if (plan.PossibleLengths is { Length: > 0 } lengths
                && (national.Length < lengths[0] || (national.Length <= lengths[^1] && Array.IndexOf(lengths, national.Length) < 0)))
                return number;
        }

        return national;
    }

    /// <summary>getCountryByNationalNumber: the first region whose leading digits match the start of the number or,
    /// for a region without leading digits, whose patterns give the number a type.</summary>
    private string? RegionOf(string national, string[] regions)
    {
        foreach (var region in regions)
        {
            var plan = _plans[region];
            if (plan.LeadingDigits is { } leading)
            {
                if (Matches("^(?:" + leading + ")", national)) return region;
            }
            else if (TypeOf(plan, national) is not null)
            {
                return region;
            }
        }

        return null;
    }

    /// <summary>getNumberType: null when the number does not match the region's national pattern or any type.</summary>
    private string? TypeOf(NumberingPlan plan, string national)
    {
        if (!MatchesEntirely(plan.NationalNumberPattern, national)) return null;

        if (IsOfType(plan, TypeIndex.FixedLine, national))
        {
            // An empty or absent mobile pattern was dropped as a duplicate of the fixed-line one.
            var mobile = plan.Types[TypeIndex.Mobile];
            if (mobile is null || mobile.Pattern.Length == 0 || IsOfType(plan, TypeIndex.Mobile, national))
                return PhoneNumberTypes.FixedLineOrMobile;
            return PhoneNumberTypes.FixedLine;
        }

        foreach (var (index, name) in NonFixedLineTypes)
        {
            if (IsOfType(plan, index, national)) return name;
        }

        return null;
    }

    /// <summary>isNumberTypeEqualTo: the type exists with a pattern, the length is possible, the pattern matches.</summary>
    private bool IsOfType(NumberingPlan plan, int index, string national)
    {
        var type = plan.Types[index];
        if (type is null || type.Pattern.Length == 0) return false;
        var lengths = type.PossibleLengths ?? plan.PossibleLengths;
        if (lengths is not null && Array.IndexOf(lengths, national.Length) < 0) return false;
        return MatchesEntirely(type.Pattern, national);
    }

    private bool MatchesEntirely(string pattern, string text) => Matches("^(?:" + pattern + @")\z", text);

    private bool Matches(string anchoredPattern, string text) => RegexFor(anchoredPattern).IsMatch(text);

    private Regex RegexFor(string pattern) =>
        _regexes.GetOrAdd(pattern, static p => new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));

    private static PhoneMetadata Read(JsonElement root, string source)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("country_calling_codes", out var callingCodes) || callingCodes.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("countries", out var countries) || countries.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"{source}: not libphonenumber-js metadata (expected an object with country_calling_codes and countries).");
        }

        var plans = new Dictionary<string, NumberingPlan>(StringComparer.Ordinal);
        foreach (var country in countries.EnumerateObject())
            plans[country.Name] = ReadPlan(country.Value, $"{source}, countries.{country.Name}");

        var regionsByCode = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var code in callingCodes.EnumerateObject())
        {
            if (code.Value.ValueKind != JsonValueKind.Array)
                throw new FormatException($"{source}, country_calling_codes.{code.Name}: expected an array of regions.");
            var regions = code.Value.EnumerateArray().Select(r => r.GetString() ?? "").ToArray();
            var unknown = regions.FirstOrDefault(r => !plans.ContainsKey(r));
            if (unknown is not null)
                throw new FormatException($"{source}, country_calling_codes.{code.Name}: region '{unknown}' has no entry under countries.");
            if (regions.Length > 0) regionsByCode[code.Name] = regions;
        }

        var nonGeographic = new Dictionary<string, NumberingPlan>(StringComparer.Ordinal);
        if (root.TryGetProperty("nonGeographic", out var nonGeo) && nonGeo.ValueKind == JsonValueKind.Object)
        {
            foreach (var code in nonGeo.EnumerateObject())
                nonGeographic[code.Name] = ReadPlan(code.Value, $"{source}, nonGeographic.{code.Name}");
        }

        return new PhoneMetadata(regionsByCode.ToFrozenDictionary(StringComparer.Ordinal), plans.ToFrozenDictionary(StringComparer.Ordinal),
            nonGeographic.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static NumberingPlan ReadPlan(JsonElement entry, string where)
    {
        if (entry.ValueKind != JsonValueKind.Array || entry.GetArrayLength() < 12)
            throw new FormatException($"{where}: expected a positional array of at least 12 elements (metadata format version 4).");
        var callingCode = entry[0].ValueKind == JsonValueKind.String ? entry[0].GetString()! : throw new FormatException($"{where}[0]: expected the calling code.");
        var national = entry[2].ValueKind == JsonValueKind.String ? entry[2].GetString()! : throw new FormatException($"{where}[2]: expected the national number pattern.");
        var lengths = Lengths(entry[3], $"{where}[3]");
        var leading = OptionalString(entry[10]);

        var types = new TypePattern?[TypeIndex.Count];
        if (entry[11].ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var type in entry[11].EnumerateArray())
            {
                if (i >= TypeIndex.Count) break;
                if (type.ValueKind == JsonValueKind.Array && type.GetArrayLength() > 0 && type[0].ValueKind == JsonValueKind.String)
                    types[i] = new TypePattern(type[0].GetString()!, type.GetArrayLength() > 1 ? Lengths(type[1], $"{where}[11][{i}][1]") : null);
                else if (!(type.ValueKind == JsonValueKind.Number && type.GetInt32() == 0))
                    throw new FormatException($"{where}[11][{i}]: expected [pattern, possibleLengths?] or 0.");
                i++;
            }
        }

        return new NumberingPlan(callingCode, national, lengths, leading, types)
        {
            NationalPrefix = OptionalString(entry[5]),
            NationalPrefixForParsing = OptionalString(entry[7]),
            NationalPrefixTransformRule = OptionalString(entry[8]),
        };
    }

    private static string? OptionalString(JsonElement element) =>
        element.ValueKind == JsonValueKind.String && element.GetString() is { Length: > 0 } value ? value : null;

    private static int[]? Lengths(JsonElement element, string where)
    {
        if (element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return null;
        if (element.ValueKind == JsonValueKind.Number && element.GetInt32() == 0) return null;
        if (element.ValueKind != JsonValueKind.Array || element.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.Number))
            throw new FormatException($"{where}: expected an array of possible lengths.");
        return [.. element.EnumerateArray().Select(e => e.GetInt32())];
    }

    private static class TypeIndex
    {
        public const int FixedLine = 0;
        public const int Mobile = 1;
        public const int TollFree = 2;
        public const int PremiumRate = 3;
        public const int PersonalNumber = 4;
        public const int Voicemail = 5;
        public const int Uan = 6;
        public const int Pager = 7;
        public const int Voip = 8;
        public const int SharedCost = 9;
        public const int Count = 10;
    }

    private sealed record TypePattern(string Pattern, int[]? PossibleLengths);

    private sealed record NumberingPlan(string CallingCode, string NationalNumberPattern, int[]? PossibleLengths, string? LeadingDigits, TypePattern?[] Types)
    {
        /// <summary>[5], e.g. "0".</summary>
        public string? NationalPrefix { get; init; }
        /// <summary>[7], a prefix pattern that may capture the part to keep; defaults to the national prefix.</summary>
        public string? NationalPrefixForParsing { get; init; }
        /// <summary>[8], a replacement ("9$1") applied when the prefix pattern captured something.</summary>
        public string? NationalPrefixTransformRule { get; init; }
    }
}
