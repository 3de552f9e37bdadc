using System.Globalization;
using System.Text;

namespace HireVet.Application.ReferenceData.Sanctions;

/// <summary>Turns a name into comparable tokens: lower case, no diacritics, romanisation variants folded.</summary>
internal static class SanctionsNameText
{
    // Each row lists spellings of one Korean or Chinese syllable; the first is the canonical form. Rows hold
    // McCune-Reischauer (OFAC's DPRK spellings: Pak, Choe, Chol), Revised Romanisation (Park, Choi, Cheol) and
    // common South Korean / Wade-Giles / Cantonese forms. "song" is with "seong"/"sung" because OFAC writes
    // 성 as Song (Jong Song Hwa = 정성화). Syllables whose spellings also spell a different syllable (jun/chun,
    // tae/dae) are left out to keep "Kim Sang Min" apart from "Kim Sang Man"-like near misses.
    private static readonly string[][] VariantRows =
    [
        ["kim", "gim"],
        ["ri", "lee", "li", "yi", "rhee", "rhie", "ree", "rhi"],
        ["pak", "park", "bak", "bahk"],
        ["choe", "choi", "chwe", "choy"],
        ["jong", "jung", "jeong", "chung", "cheong", "chong"],
        ["jang", "chang", "zhang"],
        ["jo", "cho"],
        ["yun", "yoon"],
        ["sin", "shin"],
        ["o", "oh"],
        ["ko", "go", "koh"],
        ["mun", "moon"],
        ["son", "sohn"],
        ["pae", "bae"],
        ["paek", "baek", "paik"],
        ["ro", "no", "roh", "noh"],
        ["rim", "lim", "im", "lym"],
        ["ryu", "yu", "yoo", "ryoo"],
        ["kang", "gang"],
        ["kwon", "gwon"],
        ["an", "ahn"],
        ["jon", "jeon", "chon"],
        ["hyon", "hyun", "hyeon"],
        ["hyok", "hyeok", "hyuk"],
        ["hyong", "hyeong", "hyung"],
        ["chol", "cheol", "chul"],
        ["yong", "young", "yeong"],
        ["myong", "myung", "myeong"],
        ["kyong", "kyung", "kyeong", "gyeong", "gyong"],
        ["song", "seong", "sung"],
        ["sok", "seok", "suk"],
        ["sop", "seop"],
        ["kum", "geum", "keum"],
        ["kwang", "gwang"],
        ["tong", "dong"],
        ["pyong", "pyeong", "byong", "byung", "byeong"],
        ["chin", "jin"],
        ["un", "eun"],
        ["su", "soo"],
        ["sun", "soon"],
        ["yon", "yeon"],
        ["hui", "hee"],
        ["kil", "gil"],
        ["kyu", "gyu"],
        ["kun", "geun", "keun"],
        ["ki", "gi"],
        ["ku", "gu"],
        ["to", "do"],
        ["chi", "ji"],
        ["ju", "chu", "zhu"],
        ["zhou", "chou", "chow"],
        ["chen", "chan"],
        ["wang", "wong"],
        ["huang", "hwang"],
        ["xu", "hsu"],
        ["zhao", "chao"],
        ["zheng", "cheng"],
        ["wu", "woo"],
    ];

    // Legal forms and filler words that say nothing about which company a name is.
    private static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal)
    {
        "co", "corp", "corporation", "company", "companies", "ltd", "limited", "llc", "inc", "incorporated", "plc",
        "trading", "general", "group", "holding", "holdings", "gmbh", "ag", "sa", "sarl", "srl", "spa", "bv", "nv",
        "jsc", "ojsc", "cjsc", "pjsc", "ooo", "oao", "zao", "pao", "ao", "llp", "lp", "pte", "pvt", "bhd", "sdn",
        "fze", "fzco", "fzc", "ltda", "limitada", "cv", "de", "of", "the", "and", "for",

        // Russian legal forms written out, in transliteration and in Cyrillic ("Limited Liability Company").
        "obshchestvo", "s", "ogranichennoi", "ogranichennoy", "otvetstvennostyu", "otvetstvennostiu", "aktsionernoe",
        "aktsionernoye", "publichnoe", "zakrytoe", "otkrytoe", "общество", "с", "ограниченной", "ответственностью",
        "акционерное", "публичное", "закрытое", "открытое", "ооо", "оао", "зао", "пао", "ао",
    };

    private static readonly Dictionary<string, string> CanonicalBySpelling = BuildCanonicalMap();

    public static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> CanonicalLookup =
        CanonicalBySpelling.GetAlternateLookup<ReadOnlySpan<char>>();

    public static IEnumerable<string> VariantSpellings => CanonicalBySpelling.Keys;

    public static bool IsLegalForm(string token) => LegalForms.Contains(token);

    public static string Canonical(string token) => CanonicalBySpelling.GetValueOrDefault(token, token);

    /// <summary>
    /// Lower-cases, strips diacritics, drops apostrophes and full stops (O'Brien, Myo'ng, Co. and S.A. stay one
    /// word) and splits on everything else that is not a letter or digit. Hyphens split: "Sang-Man" → sang, man.
    /// </summary>
    public static string[] Tokenize(string text, int maxTokens)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var ascii = Ascii.IsValid(text);
        var source = ascii ? text : text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(source.Length);
        var baseIsLatin = true;
        foreach (var rune in source.EnumerateRunes())
        {
            var value = rune.Value;
            if (value is '\'' or '.' or '\u2019' or '\u2018' or '\u02BC' or '`' or '\u00B4')
            {
                continue;
            }

            // Marks come off Latin letters only: Cyrillic й or Hangul jamo are letters in their own right.
            if (!ascii && Rune.GetUnicodeCategory(rune) == UnicodeCategory.NonSpacingMark)
            {
                if (!baseIsLatin)
                {
                    builder.Append(rune.ToString());
                }

                continue;
            }

            baseIsLatin = value < 0x0370 || value is >= 0x1E00 and < 0x1F00;

            if (!Rune.IsLetterOrDigit(rune))
            {
                builder.Append(' ');
                continue;
            }

            var lower = Rune.ToLowerInvariant(rune);
            switch (lower.Value)
            {
                case 'ß': builder.Append("ss"); break;
                case 'æ': builder.Append("ae"); break;
                case 'œ': builder.Append("oe"); break;
                case 'ø': builder.Append('o'); break;
                case 'ł': builder.Append('l'); break;
                case 'đ' or 'ð': builder.Append('d'); break;
                case 'þ': builder.Append("th"); break;
                case 'ı': builder.Append('i'); break;
                default: builder.Append(lower.ToString()); break;
            }
        }

        // Recompose what NFD split apart (Hangul syllables into jamo, й into и + breve).
        var normalized = ascii ? builder.ToString() : builder.ToString().Normalize(NormalizationForm.FormC);
        var tokens = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return tokens.Length <= maxTokens ? tokens : tokens[..maxTokens];
    }

    private static Dictionary<string, string> BuildCanonicalMap()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in VariantRows)
        {
            foreach (var spelling in row)
            {
                map.Add(spelling, row[0]);
            }
        }

        return map;
    }
}
