using System.Globalization;
using System.Text;

namespace HireVet.Quality.Corpus;

/// <summary>Which written form of the person's name a field carries. The fairness check swaps a name for one of
/// another origin and renders every field in the same form, so the two dossiers differ only in name origin.</summary>
public enum NameForm
{
    /// <summary>As the legal name is written.</summary>
    Exact,
    /// <summary>Accents, apostrophes and hyphens dropped, as many bank and shipping systems store names.</summary>
    Plain,
    /// <summary>Upper case, family name first, given name run together: a passport or licence's printed name.</summary>
    Document,
    /// <summary>Another spelling the origin's conventions produce: a second romanisation, spacing of O'/Mc, an accented
    /// or unaccented form, one surname instead of two, ICAO "ue" for "ü".</summary>
    Variant,
    /// <summary>With a middle name or initial the legal name leaves out.</summary>
    WithMiddle,
    /// <summary>The family name before a marriage (<see cref="PersonName.Maiden"/>), as an old account or document has it.</summary>
    Maiden,
    /// <summary>A document issued before the marriage: the maiden name in the document's printed form.</summary>
    MaidenDocument,
    /// <summary>The name the person goes by: their middle name as the given name.</summary>
    Preferred,
}

/// <summary>The forms a dossier's name fields carry, and whether the candidate declared the variant as another name.</summary>
public sealed record NameForms(NameForm Payee, NameForm Document, NameForm Shipping, bool DeclaresVariant)
{
    /// <summary>The form the dossier's legal name is in (the full name with the middle name for some).</summary>
    public NameForm Legal { get; init; } = NameForm.Exact;

    /// <summary>Whether the candidate declared the maiden name among their other names.</summary>
    public bool DeclaresMaiden { get; init; }

    public static readonly NameForms Plain = new(NameForm.Exact, NameForm.Document, NameForm.Exact, false);
}

/// <summary>One person's name in every form, from one origin's conventions. Only letters differ between origins;
/// the generator never ties an origin to honesty, country or anything else.</summary>
public sealed record PersonName(string Origin, string Given, string Family, string Middle, bool FamilyFirst, string Variant)
{
    /// <summary>The family name before a marriage, for the name-change hard case.</summary>
    public string? Maiden { get; init; }

    public string Legal => FamilyFirst ? $"{Family} {Given}" : $"{Given} {Family}";

    public string Form(NameForm form) => form switch
    {
        NameForm.Exact => Legal,
        NameForm.Plain => Names.Fold(Legal),
        NameForm.Document => $"{Names.Fold(Family)} {Names.Fold(Given).Replace(" ", "")}".ToUpperInvariant(),
        NameForm.Variant => Variant,
        NameForm.WithMiddle => FamilyFirst ? $"{Family} {Given} {Middle}" : $"{Given} {Middle} {Family}",
        NameForm.Maiden => FamilyFirst ? $"{Maiden} {Given}" : $"{Given} {Maiden}",
        NameForm.MaidenDocument => $"{Names.Fold(Maiden!)} {Names.Fold(Given).Replace(" ", "")}".ToUpperInvariant(),
        NameForm.Preferred => FamilyFirst ? $"{Family} {Middle}" : $"{Middle} {Family}",
        _ => Legal,
    };

    /// <summary>ASCII given and family name for email addresses and handles ("jihoon", "park").</summary>
    public (string Given, string Family) Ascii =>
        (Names.Fold(Given).Replace(" ", "").ToLowerInvariant(), Names.Fold(Family).Replace(" ", "").ToLowerInvariant());
}

public static class Names
{
    public const string Korean = "korean";
    public const string Irish = "irish-anglo";
    public const string Nigerian = "nigerian";
    public const string Mexican = "mexican";
    public const string Vietnamese = "vietnamese";
    public const string CentralEuropean = "german-polish";

    /// <summary>Origins of the corpus, equally likely.</summary>
    public static readonly string[] Origins = [Korean, Irish, Nigerian, Mexican, Vietnamese, CentralEuropean];

    /// <summary>The fairness check's cycle: Korean → Irish/Anglo → Nigerian → Mexican (the issue's four), then on through
    /// Vietnamese and German/Polish back to Korean, so that every origin is both swapped from and swapped to.</summary>
    public static string SwapTarget(string origin) => Origins[(Array.IndexOf(Origins, origin) + 1) % Origins.Length];

    public static PersonName Random(Random rng) => Of(rng, Origins[rng.Next(Origins.Length)]);

    public static PersonName Of(Random rng, string origin, string? family = null) => origin switch
    {
        Korean => KoreanName(rng, family),
        Irish => IrishName(rng, family),
        Nigerian => NigerianName(rng, family),
        Mexican => MexicanName(rng, family),
        Vietnamese => VietnameseName(rng, family),
        _ => CentralEuropeanName(rng, family),
    };

    // Korean: Revised Romanisation vs McCune-Reischauer and everyday spellings (Park/Pak, Lee/Yi, Choi/Choe), given
    // names hyphenated, spaced or run together.
    private static readonly (string Name, string Other)[] KoreanFamilies =
    [
        ("Park", "Pak"), ("Lee", "Yi"), ("Choi", "Choe"), ("Jung", "Jeong"), ("Kang", "Gang"), ("Cho", "Jo"), ("Yoon", "Yun"),
        ("Jang", "Chang"), ("Lim", "Im"), ("Shin", "Sin"), ("Seo", "Suh"), ("Kwon", "Gwon"), ("Ahn", "An"), ("Kim", "Kim"),
        ("Han", "Han"), ("Song", "Song"), ("Hong", "Hong"), ("Hwang", "Hwang"), ("Yoo", "Ryu"), ("Moon", "Mun"),
    ];
    private static readonly (string Name, string Other)[] KoreanGiven =
    [
        ("Ji-hoon", "Ji Hoon"), ("Min-jun", "Min Jun"), ("Seo-yeon", "Seo Yeon"), ("Ji-woo", "Ji Woo"), ("Ha-eun", "Ha Eun"),
        ("Do-yoon", "Do Yun"), ("Seo-jun", "Seo Jun"), ("Ye-jin", "Ye Jin"), ("Hyun-woo", "Hyeon Woo"), ("Su-bin", "Su Bin"),
        ("Eun-ji", "Eun Ji"), ("Dong-hyun", "Dong Hyeon"), ("Tae-yang", "Tae Yang"), ("Min-seo", "Min Seo"), ("Jae-won", "Jae Won"),
        ("So-yeon", "So Yeon"), ("Sung-min", "Seong Min"), ("Hye-jin", "Hye Jin"), ("Young-ho", "Yeong Ho"), ("Eun-young", "Eun Yeong"),
    ];
    private static readonly string[] EnglishMiddles = ["Daniel", "Grace", "James", "Sarah", "David", "Michelle", "Andrew", "Joy", "Paul", "Esther"];

    private static PersonName KoreanName(Random rng, string? family)
    {
        var f = family is null ? Pick(rng, KoreanFamilies) : Find(KoreanFamilies, family);
        var g = Pick(rng, KoreanGiven);
        var familyFirst = rng.Next(2) == 0;
        var variant = familyFirst ? $"{f.Other} {g.Other}" : $"{g.Other} {f.Other}";
        return new(Korean, g.Name, f.Name, Pick(rng, EnglishMiddles), familyFirst, variant);
    }

    // Irish/Anglo: fadas (Siobhán), O'/Mc/Mac prefixes written with or without the apostrophe or space.
    private static readonly string[] IrishFamilies =
        ["O'Neill", "O'Brien", "McCarthy", "Murphy", "Walsh", "Kelly", "Byrne", "Ryan", "Carter", "Sullivan", "O'Connor", "MacDonald",
         "Doyle", "Fitzgerald", "Kennedy", "McLaughlin", "Brennan", "Quinn", "Gallagher", "Nolan"];
    private static readonly string[] IrishGiven =
        ["Siobhán", "Seán", "Aoife", "Niamh", "Ciarán", "Emily", "James", "Michael", "Sarah", "Liam", "Megan", "Connor", "Orla",
         "Patrick", "Róisín", "Éamon", "Caoimhe", "Declan", "Sinéad", "Thomas"];
    private static readonly string[] IrishMiddles = ["Rose", "Marie", "Patrick", "Joseph", "Anne", "Francis", "Claire", "John", "Louise", "Brendan"];

    private static PersonName IrishName(Random rng, string? family)
    {
        var f = family ?? Pick(rng, IrishFamilies);
        var g = Pick(rng, IrishGiven);
        var m = Pick(rng, IrishMiddles);
        var spacedFamily = f.StartsWith("O'", StringComparison.Ordinal) ? "O " + f[2..]
            : f.StartsWith("Mc", StringComparison.Ordinal) ? "Mc " + f[2..]
            : f.StartsWith("Mac", StringComparison.Ordinal) ? "Mac " + f[3..]
            : null;
        var variant = spacedFamily is not null ? $"{Fold(g)} {spacedFamily}"
            : Fold(g) != g ? $"{Fold(g)} {f}"
            : $"{g} {m[0]}. {f}";
        return new(Irish, g, f, m, false, variant);
    }

    // Nigerian (Yoruba and Igbo): tone-marked spellings (Adéyẹmí) next to plain ones, and a native second given name.
    private static readonly (string Name, string Other)[] NigerianFamilies =
    [
        ("Okafor", "Okafor"), ("Adeyemi", "Adéyẹmí"), ("Okonkwo", "Okonkwo"), ("Balogun", "Balógun"), ("Eze", "Eze"), ("Nwosu", "Nwosu"),
        ("Adebayo", "Adébáyọ̀"), ("Ogunleye", "Ògúnlẹ́yẹ"), ("Obi", "Obi"), ("Afolabi", "Afọlábí"), ("Chukwu", "Chukwu"),
        ("Oyelaran", "Oyèláràn"), ("Nwachukwu", "Nwachukwu"), ("Okoro", "Okoro"), ("Adewale", "Adéwálé"), ("Ibekwe", "Ibekwe"),
    ];
    private static readonly (string Name, string Other)[] NigerianGiven =
    [
        ("Chukwuemeka", "Chukwuemeka"), ("Oluwaseun", "Olúwaṣeun"), ("Adaeze", "Adaeze"), ("Ngozi", "Ngozi"), ("Babatunde", "Babátúndé"),
        ("Folasade", "Fọláṣadé"), ("Ifeanyi", "Ifeanyi"), ("Temitope", "Tèmítọ́pẹ́"), ("Chiamaka", "Chiamaka"), ("Olumide", "Olúmídé"),
        ("Yetunde", "Yétúndé"), ("Obinna", "Obinna"), ("Chidinma", "Chidinma"), ("Oluwatobi", "Olúwatóbi"),
    ];
    private static readonly string[] NigerianMiddles = ["Chinedu", "Adewale", "Nnamdi", "Olamide", "Uchenna", "Ayodele", "Kelechi", "Funmilayo"];

    private static PersonName NigerianName(Random rng, string? family)
    {
        var f = family is null ? Pick(rng, NigerianFamilies) : Find(NigerianFamilies, family);
        var g = Pick(rng, NigerianGiven);
        var m = Pick(rng, NigerianMiddles);
        var variant = g.Other != g.Name || f.Other != f.Name ? $"{g.Other} {f.Other}" : $"{g.Name} {m} {f.Name}";
        return new(Nigerian, g.Name, f.Name, m, false, variant);
    }

    // Mexican: two surnames (paternal, maternal), accents; in the US often written with the paternal surname only.
    private static readonly string[] MexicanSurnames =
        ["Hernández", "García", "López", "Martínez", "González", "Rodríguez", "Pérez", "Sánchez", "Ramírez", "Flores", "Cruz",
         "Morales", "Reyes", "Jiménez", "Torres", "Vargas", "Ruiz", "Mendoza", "Castillo", "Ortiz"];
    private static readonly string[] MexicanGiven =
        ["José Luis", "María José", "Juan Carlos", "Ana Sofía", "Luis Fernando", "Guadalupe", "Alejandro", "Ximena", "Diego",
         "Valeria", "Jesús", "Mariana", "Andrés", "Fernanda", "Ricardo", "Daniela"];
    private static readonly string[] MexicanMiddles = ["de Jesús", "del Carmen", "Guadalupe", "de la Cruz"];

    private static PersonName MexicanName(Random rng, string? family)
    {
        var paternal = family?.Split(' ')[0] ?? Pick(rng, MexicanSurnames);
        string maternal;
        do maternal = Pick(rng, MexicanSurnames); while (maternal == paternal);
        var f = family ?? $"{paternal} {maternal}";
        var g = Pick(rng, MexicanGiven);
        var variant = rng.Next(2) == 0 ? $"{Fold(g)} {Fold(paternal)}" : $"{g} {f.Replace(' ', '-')}";
        return new(Mexican, g, f, Pick(rng, MexicanMiddles), false, variant);
    }

    // Vietnamese: family name first with diacritics at home, given-first without them in the US.
    private static readonly string[] VietnameseFamilies = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ"];
    private static readonly string[] VietnameseGiven =
        ["Minh Tuấn", "Thị Hoa", "Văn An", "Thu Trang", "Ngọc Linh", "Đức Hùng", "Văn Dũng", "Thị Mai", "Thanh Phương", "Minh Quân"];

    private static PersonName VietnameseName(Random rng, string? family)
    {
        var f = family ?? Pick(rng, VietnameseFamilies);
        var g = Pick(rng, VietnameseGiven);
        var parts = g.Split(' ');
        // Written in the US as given name, then family name, without the middle name or the diacritics.
        var variant = $"{Fold(parts[^1])} {Fold(f)}";
        return new(Vietnamese, g, f, "Anh", rng.Next(2) == 0, variant);
    }

    // German and Polish: umlauts and ł, ś, with the ICAO transliteration ("ue" for "ü") passports print in the MRZ.
    private static readonly string[] CentralFamilies =
        ["Müller", "Schröder", "Wiśniewski", "Kowalski", "Wójcik", "Groß", "Weiß", "Nowak", "Schäfer", "Krüger", "Lewandowski", "Zieliński"];
    private static readonly string[] CentralGiven =
        ["Jürgen", "Sören", "Jörg", "Małgorzata", "Łukasz", "Agnieszka", "Paweł", "Tomasz", "Anna", "Katrin", "Stefan", "Björn"];

    private static PersonName CentralEuropeanName(Random rng, string? family)
    {
        var f = family ?? Pick(rng, CentralFamilies);
        var g = Pick(rng, CentralGiven);
        var variant = $"{Icao(g)} {Icao(f)}";
        return new(CentralEuropean, g, f, Pick(rng, IrishMiddles), false, variant);
    }

    private static string Icao(string s) => Fold(s.Replace("ü", "ue").Replace("ö", "oe").Replace("ä", "ae").Replace("ß", "ss")
        .Replace("Ü", "Ue").Replace("Ö", "Oe").Replace("Ä", "Ae"));

    /// <summary>Drops accents and apostrophes and turns hyphens into spaces, as an ASCII-only system would.</summary>
    public static string Fold(string s)
    {
        var decomposed = s.Replace("ß", "ss").Normalize(NormalizationForm.FormD);
        var b = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '\u2019') continue;
            b.Append(c switch { 'ł' => 'l', 'Ł' => 'L', 'đ' => 'd', 'Đ' => 'D', '-' => ' ', _ => c });
        }
        return b.ToString();
    }

    private static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    /// <summary>A relative's family name with its spellings.</summary>
    private static (string Name, string Other) Find((string Name, string Other)[] families, string family) =>
        families.FirstOrDefault(x => x.Name == family) is { Name: not null } found ? found : (family, family);

    /// <summary>Holders of PRC bank accounts used as banking proxies (KMCTC used Chinese nationals, indicators.md §3.2).</summary>
    public static readonly string[] PrcProxyNames =
        ["Zhang Wei", "Wang Fang", "Li Na", "Liu Yang", "Chen Jing", "Yang Li", "Zhao Lei", "Huang Min", "Zhou Jie", "Wu Xiu Ying", "Xu Qiang", "Sun Hao"];
}
