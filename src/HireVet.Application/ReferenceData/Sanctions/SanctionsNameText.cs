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
        ["chol", "cheol", "chul", "jeol"],
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
        "joint", "stock", "liability",

        // Descriptors a form adds to an organisation's name ("HAMAS MOVEMENT", "Hizballah party").
        "movement", "organization", "organisation", "party", "front",
    };

    // Words that make up generic company names ("Global Trading", "ABC Corporation", "Golden Star"): an entity
    // name made only of these (after legal forms) matches only when the whole name, legal form included, agrees.
    private static readonly HashSet<string> GenericWords = new(StringComparer.Ordinal)
    {
        "global", "international", "intl", "general", "national", "united", "universal", "first", "new", "star", "golden",
        "gold", "silver", "alpha", "beta", "omega", "delta", "ocean", "pacific", "atlantic", "asia", "asian", "euro",
        "europe", "world", "worldwide", "royal", "prime", "best", "top", "smart", "tech", "technology", "technologies",
        "solution", "solutions", "service", "services", "industry", "industries", "industrial", "enterprise",
        "enterprises", "commercial", "commerce", "import", "export", "investment", "investments", "capital", "consulting",
        "management", "logistics", "system", "systems", "development", "energy", "business", "partners", "resources",
        "supply", "products", "marketing", "media", "network", "digital", "software", "data", "trade", "traders", "east",
        "west", "north", "south", "central", "sun", "sunrise", "future", "modern", "standard", "premier", "express",
        "pioneer", "eagle", "lion", "green", "blue", "red", "great", "grand", "euro", "inter", "trans", "union",
    };

    // Honorifics and titles written before a person's name, and the particles of Arabic names (bin/ibn "son of",
    // al-/el- "the"): dropped from people's names on both sides, so "Dr. Rami Makhlouf" is "Rami Makhlouf" and
    // "Osama ibn Laden" is "Usama BIN LADIN".
    private static readonly HashSet<string> PersonFillers = new(StringComparer.Ordinal)
    {
        "dr", "mr", "mrs", "ms", "miss", "mx", "sir", "dame", "prof", "professor", "sheikh", "shaikh", "shaykh", "sheik",
        "president", "excellency", "mullah", "mulla", "maulana", "maulvi", "mawlawi",
        "bin", "ibn", "ben", "bint", "binti", "al", "el", "ul", "ud", "ur",
    };

    private static readonly Dictionary<char, string> CyrillicToLatin = new()
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['е'] = "e", ['ё'] = "e", ['ж'] = "zh",
        ['з'] = "z", ['и'] = "i", ['й'] = "y", ['к'] = "k", ['л'] = "l", ['м'] = "m", ['н'] = "n", ['о'] = "o",
        ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t", ['у'] = "u", ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts",
        ['ч'] = "ch", ['ш'] = "sh", ['щ'] = "shch", ['ъ'] = "", ['ы'] = "y", ['ь'] = "", ['э'] = "e", ['ю'] = "yu",
        ['я'] = "ya", ['і'] = "i", ['ї'] = "yi", ['є'] = "ye", ['ґ'] = "g", ['ў'] = "u",
    };

    // Revised Romanisation of Hangul jamo (initial, vowel, final), for a syllable decomposed arithmetically.
    private static readonly string[] HangulInitials =
        ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"];

    private static readonly string[] HangulVowels =
    [
        "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "eu",
        "ui", "i",
    ];

    private static readonly string[] HangulFinals =
    [
        "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng", "t",
        "t", "k", "t", "p", "t",
    ];

    private static readonly Dictionary<string, string> CanonicalBySpelling = BuildCanonicalMap();

    public static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> CanonicalLookup =
        CanonicalBySpelling.GetAlternateLookup<ReadOnlySpan<char>>();

    public static IEnumerable<string> VariantSpellings => CanonicalBySpelling.Keys;

    public static bool IsLegalForm(string token) => LegalForms.Contains(token);

    public static bool IsGeneric(string token) => GenericWords.Contains(token) || token.Length <= 3;

    public static bool IsPersonFiller(string token) => PersonFillers.Contains(token);

    /// <summary>
    /// A spelling-blind key for transliteration variants of a Latin token of five letters or more: every run of
    /// vowels (y included) becomes one "a", kh/gh/dh/th → h/g/d/t, sh/ch/zh → s/c/z, voiced → voiceless (b/d/g/v/z →
    /// p/t/k/f/s), c/q → k, x → ks, w → v, j → y, doubled letters once, a final h dropped. Hezbollah = Hizballah,
    /// Lukashenko = Lukashenka, Kadyrov = Kadirov, Makhlouf = Makhluf, but Putin ≠ Potanin. Null when the token
    /// is too short or has fewer than three consonants, or is not plain Latin.
    /// </summary>
    public static string? PhoneticKey(string token)
    {
        if (token.Length < 5 || token.Length > 60 || !Ascii.IsValid(token) || token.Any(c => !char.IsAsciiLetterLower(c)))
        {
            return null;
        }

        Span<char> key = stackalloc char[2 * token.Length + 1];
        key[0] = '~';
        var length = 1;
        var consonants = 0;
        for (var i = 0; i < token.Length; i++)
        {
            var c = token[i];
            var next = i + 1 < token.Length ? token[i + 1] : '\0';
            if (next == 'h' && c is 'k' or 'g' or 'd' or 't' or 's' or 'c' or 'z' or 'p')
            {
                i++;
                c = c switch { 'k' => 'h', 'p' => 'f', _ => c };
            }

            var folded = c switch
            {
                'a' or 'e' or 'i' or 'o' or 'u' or 'y' => 'a',
                'b' => 'p', 'd' => 't', 'g' or 'c' or 'q' => 'k', 'v' or 'w' => 'f', 'z' => 's', 'j' => 'y', 'x' => 'k',
                _ => c,
            };
            Append(key, ref length, ref consonants, folded);
            if (c == 'x')
            {
                Append(key, ref length, ref consonants, 's');
            }
        }

        if (length > 2 && key[length - 1] == 'h')
        {
            length--;
            consonants--;
        }

        return consonants >= 3 ? new string(key[..length]) : null;

        static void Append(Span<char> key, ref int length, ref int consonants, char folded)
        {
            if (key[length - 1] != folded)
            {
                key[length++] = folded;
                consonants += folded == 'a' ? 0 : 1;
            }
        }
    }

    /// <summary>How many consonants a <see cref="PhoneticKey"/> holds.</summary>
    public static int PhoneticConsonants(string key) => key.Count(c => c is not ('a' or '~'));

    /// <summary>Cyrillic and Hangul written in Latin letters (Hangul syllable by syllable, Revised Romanisation);
    /// null when the text has neither.</summary>
    public static string? Transliterate(string text)
    {
        var builder = new StringBuilder(text.Length * 2);
        var changed = false;
        foreach (var original in text)
        {
            var c = char.ToLowerInvariant(original);
            if (CyrillicToLatin.TryGetValue(c, out var latin))
            {
                builder.Append(latin);
                changed = true;
            }
            else if (c is >= '\uAC00' and <= '\uD7A3')
            {
                var syllable = c - 0xAC00;
                builder.Append(' ').Append(HangulInitials[syllable / 588]).Append(HangulVowels[syllable % 588 / 28])
                    .Append(HangulFinals[syllable % 28]).Append(' ');
                changed = true;
            }
            else
            {
                builder.Append(original);
            }
        }

        return changed ? builder.ToString() : null;
    }

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
        var previousWasLower = false;
        foreach (var rune in source.EnumerateRunes())
        {
            var value = rune.Value;
            // Words run together keep their capitals: "RamiMakhlouf" is two words.
            var isUpper = Rune.IsUpper(rune);
            if (isUpper && previousWasLower)
            {
                builder.Append(' ');
            }

            previousWasLower = Rune.IsLower(rune);
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
        tokens = tokens.Length <= maxTokens ? tokens : tokens[..maxTokens];
        for (var t = 0; t < tokens.Length; t++)
        {
            tokens[t] = FoldDigits(tokens[t]);
        }

        return tokens;
    }

    // Digits standing in for letters inside a word ("Ig0r Sech1n", "I9or") are read as the letters they imitate;
    // a token of digits only (a vessel's number) stays as it is.
    private static string FoldDigits(string token)
    {
        if (!token.Any(char.IsAsciiDigit) || !token.Any(char.IsLetter))
        {
            return token;
        }

        return string.Create(token.Length, token, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] switch
                {
                    '0' => 'o', '1' => 'i', '3' => 'e', '4' => 'a', '5' => 's', '7' => 't', '8' => 'b', '9' => 'g', '2' => 'z', '6' => 'g',
                    var other => other,
                };
            }
        });
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
