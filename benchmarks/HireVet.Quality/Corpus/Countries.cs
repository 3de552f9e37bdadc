using HireVet.Application.Dossiers;

namespace HireVet.Quality.Corpus;

/// <summary>What a person living in a country looks like on paper: cities with their region, postal code, time zone
/// and phone area codes; the street layout; residential ISPs (by ASN, sampled from the real ranges); real banks;
/// common email domains; the identity document a resident shows.</summary>
public sealed record Country
{
    public required string Code { get; init; }
    public required City[] Cities { get; init; }
    public required string[] Streets { get; init; }
    /// <summary>House number before the street ("12 Main St") or after it ("Hauptstraße 12").</summary>
    public bool NumberFirst { get; init; } = true;
    public required Func<Random, City, string> Phone { get; init; }
    public required Func<Random, string> PostalCode { get; init; }
    public required int[] ResidentialAsns { get; init; }
    public required Bank[] Banks { get; init; }
    public required string[] EmailDomains { get; init; }
    public required string[] Universities { get; init; }
    /// <summary>The resident's everyday document: type, number maker, and whether it carries the address.</summary>
    public required (string Type, Func<Random, string> Number, bool HasAddress) Document { get; init; }

    public PostalAddress Address(Random rng, City city) => new()
    {
        Line1 = NumberFirst ? $"{rng.Next(1, 9900)} {Pick(rng, Streets)}" : $"{Pick(rng, Streets)} {rng.Next(1, 240)}",
        Line2 = rng.NextDouble() < 0.2 ? $"Apt {rng.Next(1, 40)}{(char)('A' + rng.Next(6))}" : null,
        City = city.Name,
        Region = city.Region,
        PostalCode = city.PostalPrefix + PostalCode(rng),
        Country = Code,
    };

    public static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];
}

public sealed record City(string Name, string? Region, string PostalPrefix, string TimeZone, params string[] AreaCodes);

public static class Countries
{
    private static string N(Random rng, int digits) => string.Concat(Enumerable.Range(0, digits).Select(_ => (char)('0' + rng.Next(10))));
    private static string L(Random rng, int letters) => string.Concat(Enumerable.Range(0, letters).Select(_ => (char)('A' + rng.Next(26))));

    // North American numbers: NXX exchanges avoid N11 and the fictional 555.
    private static string Nanp(Random rng, City city)
    {
        int exchange;
        do exchange = rng.Next(201, 990); while (exchange % 100 == 11 || exchange == 555);
        return $"+1 {Country.Pick(rng, city.AreaCodes)} {exchange} {N(rng, 4)}";
    }

    public static readonly Country US = new()
    {
        Code = "US",
        Cities =
        [
            new("Austin", "TX", "787", "America/Chicago", "512", "737"), new("Seattle", "WA", "981", "America/Los_Angeles", "206"),
            new("Denver", "CO", "802", "America/Denver", "303", "720"), new("Boston", "MA", "021", "America/New_York", "617", "857"),
            new("Atlanta", "GA", "303", "America/New_York", "404", "678"), new("Chicago", "IL", "606", "America/Chicago", "312", "773"),
            new("Phoenix", "AZ", "850", "America/Phoenix", "602", "480"), new("Portland", "OR", "972", "America/Los_Angeles", "503", "971"),
            new("Raleigh", "NC", "276", "America/New_York", "919", "984"), new("Minneapolis", "MN", "554", "America/Chicago", "612"),
            new("San Diego", "CA", "921", "America/Los_Angeles", "619", "858"), new("Columbus", "OH", "432", "America/New_York", "614"),
            new("Nashville", "TN", "372", "America/Chicago", "615"), new("Salt Lake City", "UT", "841", "America/Denver", "801"),
            new("Pittsburgh", "PA", "152", "America/New_York", "412"), new("Kansas City", "MO", "641", "America/Chicago", "816"),
            new("Brooklyn", "NY", "112", "America/New_York", "718", "347"), new("Miami", "FL", "331", "America/New_York", "305", "786"),
            new("Detroit", "MI", "482", "America/Detroit", "313"), new("Sacramento", "CA", "958", "America/Los_Angeles", "916"),
            new("Baltimore", "MD", "212", "America/New_York", "410", "443"), new("Madison", "WI", "537", "America/Chicago", "608"),
        ],
        Streets = ["Maple Street", "Oak Avenue", "Cedar Lane", "Juniper Drive", "Elm Street", "Washington Avenue", "Lake Road",
            "Hillcrest Drive", "Park Place", "Sunset Boulevard", "Pine Court", "Willow Way", "Meadow Lane", "Highland Avenue",
            "Chestnut Street", "River Road", "Magnolia Drive", "Spruce Street", "Forest Avenue", "Birch Lane"],
        Phone = Nanp,
        PostalCode = r => N(r, 2),
        ResidentialAsns = [7922, 7018, 701, 22773, 20115, 21928],
        Banks =
        [
            new("JPMorgan Chase Bank", "CHASUS33", "US", Routing: "021000021"), new("Bank of America", "BOFAUS3N", "US", Routing: "026009593"),
            new("Wells Fargo Bank", "WFBIUS6S", "US", Routing: "121000248"), new("Citibank", "CITIUS33", "US", Routing: "021000089"),
            new("U.S. Bank", "USBKUS44", "US", Routing: "091000022"), new("PNC Bank", "PNCCUS33", "US", Routing: "043000096"),
            new("Truist Bank", "BRBTUS33", "US", Routing: "061000104"), new("Navy Federal Credit Union", "NFCUUS33", "US", Routing: "256074974"),
        ],
        EmailDomains = ["gmail.com", "gmail.com", "outlook.com", "yahoo.com", "icloud.com", "proton.me", "hotmail.com"],
        Universities = ["University of Texas at Austin", "Georgia Institute of Technology", "Ohio State University", "University of Washington",
            "Purdue University", "University of Michigan", "Arizona State University", "North Carolina State University", "Boston University",
            "University of Minnesota", "San Diego State University", "University of Utah", "Rutgers University"],
        Document = ("driver_licence", r => L(r, 1) + N(r, 8), true),
    };

    public static readonly Country CA = new()
    {
        Code = "CA",
        Cities = [new("Toronto", "ON", "M5V ", "America/Toronto", "416", "647"), new("Vancouver", "BC", "V6B ", "America/Vancouver", "604", "778"),
            new("Montreal", "QC", "H2X ", "America/Toronto", "514", "438"), new("Calgary", "AB", "T2P ", "America/Edmonton", "403", "587")],
        Streets = ["King Street West", "Granville Street", "Rue Sainte-Catherine", "Bloor Street", "Elgin Avenue", "Kensington Road"],
        Phone = Nanp,
        PostalCode = r => $"{r.Next(10)}{L(r, 1)}{r.Next(10)}",
        ResidentialAsns = [812, 577, 6327],
        Banks = [new("Royal Bank of Canada", "ROYCCAT2", "CA", Routing: "000300012"), new("TD Canada Trust", "TDOMCATT", "CA", Routing: "000400012"),
            new("Scotiabank", "NOSCCATT", "CA", Routing: "000200012")],
        EmailDomains = ["gmail.com", "outlook.com", "yahoo.ca", "icloud.com"],
        Universities = ["University of Toronto", "University of British Columbia", "McGill University", "University of Waterloo"],
        Document = ("driver_licence", r => L(r, 1) + N(r, 4) + "-" + N(r, 5) + "-" + N(r, 5), true),
    };

    public static readonly Country GB = new()
    {
        Code = "GB",
        Cities = [new("London", null, "EC1V ", "Europe/London", "20"), new("Manchester", null, "M1 ", "Europe/London", "161"),
            new("Bristol", null, "BS1 ", "Europe/London", "117"), new("Leeds", null, "LS1 ", "Europe/London", "113"),
            new("Edinburgh", null, "EH1 ", "Europe/London", "131")],
        Streets = ["High Street", "Station Road", "Church Lane", "Victoria Road", "Queens Road", "Mill Lane", "Park Avenue"],
        Phone = (r, _) => $"+44 79{r.Next(4, 10)}{N(r, 1)} {N(r, 6)}", // 079[4-9]: mobile ranges in use
        PostalCode = r => $"{r.Next(1, 10)}{L(r, 2)}",
        ResidentialAsns = [2856, 5089, 5607],
        Banks = [new("Barclays Bank", "BARCGB22", "GB", "BARC20"), new("HSBC UK Bank", "HBUKGB4B", "GB", "HBUK40"),
            new("Lloyds Bank", "LOYDGB2L", "GB", "LOYD30"), new("Monzo Bank", "MONZGB2L", "GB", "MONZ040004")],
        EmailDomains = ["gmail.com", "outlook.com", "btinternet.com", "yahoo.co.uk", "icloud.com"],
        Universities = ["University of Manchester", "University of Bristol", "University of Leeds", "Imperial College London", "University of Edinburgh"],
        Document = ("driver_licence", r => L(r, 5) + N(r, 6) + L(r, 2) + N(r, 1) + L(r, 2), true),
    };

    public static readonly Country IE = new()
    {
        Code = "IE",
        Cities = [new("Dublin", "Dublin", "D02 ", "Europe/Dublin", "1"), new("Cork", "Cork", "T12 ", "Europe/Dublin", "21"),
            new("Galway", "Galway", "H91 ", "Europe/Dublin", "91")],
        Streets = ["Main Street", "Dame Street", "Patrick Street", "Shop Street", "Baggot Street", "Grand Canal Quay"],
        Phone = (r, _) => $"+353 8{r.Next(5, 8)} {N(r, 3)} {N(r, 4)}",
        PostalCode = r => $"{L(r, 1)}{N(r, 3)}",
        ResidentialAsns = [5466, 6830],
        Banks = [new("AIB", "AIBKIE2D", "IE", "AIBK93"), new("Bank of Ireland", "BOFIIE2D", "IE", "BOFI90")],
        EmailDomains = ["gmail.com", "outlook.com", "eircom.net", "icloud.com"],
        Universities = ["Trinity College Dublin", "University College Cork", "University of Galway"],
        Document = ("passport", r => L(r, 2) + N(r, 7), false),
    };

    public static readonly Country DE = new()
    {
        Code = "DE",
        Cities = [new("Berlin", "Berlin", "10", "Europe/Berlin", "30"), new("München", "Bayern", "80", "Europe/Berlin", "89"),
            new("Hamburg", "Hamburg", "20", "Europe/Berlin", "40"), new("Köln", "Nordrhein-Westfalen", "50", "Europe/Berlin", "221"),
            new("Leipzig", "Sachsen", "04", "Europe/Berlin", "341")],
        Streets = ["Hauptstraße", "Schillerstraße", "Gartenweg", "Bahnhofstraße", "Lindenallee", "Goethestraße", "Bergstraße"],
        NumberFirst = false,
        Phone = (r, _) => $"+49 15{r.Next(1, 8)} {N(r, 8)}",
        PostalCode = r => N(r, 3),
        ResidentialAsns = [3320, 3209, 6805],
        Banks = [new("Deutsche Bank", "DEUTDEFF", "DE", "50070010"), new("Commerzbank", "COBADEFF", "DE", "50040000"),
            new("Berliner Sparkasse", "BELADEBE", "DE", "10050000"), new("N26 Bank", "NTSBDEB1", "DE", "10011001"),
            new("ING-DiBa", "INGDDEFF", "DE", "50010517")],
        EmailDomains = ["gmx.de", "web.de", "gmail.com", "t-online.de", "posteo.de"],
        Universities = ["Technische Universität München", "Humboldt-Universität zu Berlin", "Universität Hamburg", "RWTH Aachen"],
        Document = ("national_id", r => L(r, 1) + N(r, 2) + L(r, 1) + N(r, 5), true),
    };

    public static readonly Country FR = new()
    {
        Code = "FR",
        Cities = [new("Paris", "Île-de-France", "750", "Europe/Paris", "1"), new("Lyon", "Auvergne-Rhône-Alpes", "690", "Europe/Paris", "4"),
            new("Toulouse", "Occitanie", "310", "Europe/Paris", "5"), new("Nantes", "Pays de la Loire", "440", "Europe/Paris", "2")],
        Streets = ["rue de la République", "avenue Jean Jaurès", "rue Victor Hugo", "boulevard Voltaire", "rue des Lilas"],
        Phone = (r, _) => $"+33 6 {N(r, 2)} {N(r, 2)} {N(r, 2)} {N(r, 2)}",
        PostalCode = r => N(r, 2),
        ResidentialAsns = [3215, 12322, 5410],
        Banks = [new("BNP Paribas", "BNPAFRPP", "FR", "30004"), new("Société Générale", "SOGEFRPP", "FR", "30003"),
            new("LCL", "CRLYFRPP", "FR", "30002")],
        EmailDomains = ["gmail.com", "orange.fr", "free.fr", "laposte.net", "outlook.fr"],
        Universities = ["Sorbonne Université", "Université de Lyon", "INSA Toulouse", "École Polytechnique"],
        Document = ("national_id", r => L(r, 2) + N(r, 7) + L(r, 1), false),
    };

    public static readonly Country NL = new()
    {
        Code = "NL",
        Cities = [new("Amsterdam", "Noord-Holland", "10", "Europe/Amsterdam", "20"), new("Utrecht", "Utrecht", "35", "Europe/Amsterdam", "30"),
            new("Rotterdam", "Zuid-Holland", "30", "Europe/Amsterdam", "10")],
        Streets = ["Kerkstraat", "Prinsengracht", "Dorpsstraat", "Stationsweg", "Molenweg"],
        NumberFirst = false,
        Phone = (r, _) => $"+31 6 {N(r, 8)}",
        PostalCode = r => $"{N(r, 2)} {L(r, 2)}",
        ResidentialAsns = [1136, 33915],
        Banks = [new("ING Bank", "INGBNL2A", "NL", "INGB"), new("ABN AMRO", "ABNANL2A", "NL", "ABNA"), new("Rabobank", "RABONL2U", "NL", "RABO")],
        EmailDomains = ["gmail.com", "outlook.com", "ziggo.nl", "kpnmail.nl"],
        Universities = ["TU Delft", "Universiteit van Amsterdam", "Universiteit Utrecht"],
        Document = ("national_id", r => L(r, 2) + N(r, 7), false),
    };

    public static readonly Country ES = new()
    {
        Code = "ES",
        Cities = [new("Madrid", "Madrid", "280", "Europe/Madrid", "91"), new("Barcelona", "Cataluña", "080", "Europe/Madrid", "93"),
            new("Valencia", "Valencia", "460", "Europe/Madrid", "96")],
        Streets = ["Calle Mayor", "Avenida de la Constitución", "Calle del Sol", "Paseo de Gracia", "Calle Real"],
        NumberFirst = false,
        Phone = (r, _) => $"+34 6{N(r, 2)} {N(r, 3)} {N(r, 3)}",
        PostalCode = r => N(r, 2),
        ResidentialAsns = [3352, 12479],
        Banks = [new("Banco Santander", "BSCHESMM", "ES", "0049"), new("BBVA", "BBVAESMM", "ES", "0182"), new("CaixaBank", "CAIXESBB", "ES", "2100")],
        EmailDomains = ["gmail.com", "hotmail.es", "yahoo.es", "outlook.es"],
        Universities = ["Universidad Politécnica de Madrid", "Universitat de Barcelona", "Universitat de València"],
        Document = ("national_id", r => N(r, 8) + L(r, 1), false),
    };

    public static readonly Country PL = new()
    {
        Code = "PL",
        Cities = [new("Warszawa", "Mazowieckie", "00-", "Europe/Warsaw", "22"), new("Kraków", "Małopolskie", "30-", "Europe/Warsaw", "12"),
            new("Wrocław", "Dolnośląskie", "50-", "Europe/Warsaw", "71")],
        Streets = ["ul. Marszałkowska", "ul. Długa", "ul. Floriańska", "ul. Piotrkowska", "ul. Słowackiego"],
        NumberFirst = false,
        Phone = (r, _) => $"+48 5{N(r, 2)} {N(r, 3)} {N(r, 3)}",
        PostalCode = r => N(r, 3),
        ResidentialAsns = [5617, 12741],
        Banks = [new("PKO Bank Polski", "BPKOPLPW", "PL", "1020"), new("mBank", "BREXPLPW", "PL", "1140")],
        EmailDomains = ["gmail.com", "wp.pl", "onet.pl", "o2.pl"],
        Universities = ["Politechnika Warszawska", "Uniwersytet Jagielloński", "Politechnika Wrocławska"],
        Document = ("national_id", r => L(r, 3) + N(r, 6), false),
    };

    public static readonly Country KR = new()
    {
        Code = "KR",
        Cities = [new("Seoul", "Seoul", "0", "Asia/Seoul", "2"), new("Busan", "Busan", "4", "Asia/Seoul", "51"),
            new("Seongnam", "Gyeonggi-do", "1", "Asia/Seoul", "31")],
        Streets = ["Teheran-ro", "Gangnam-daero", "Sejong-daero", "Haeundae-ro", "Pangyo-ro"],
        NumberFirst = false,
        Phone = (r, _) => $"+82 10 {N(r, 4)} {N(r, 4)}",
        PostalCode = r => N(r, 4),
        ResidentialAsns = [4766, 9318, 3786],
        Banks = [new("Shinhan Bank", "SHBKKRSE", "KR"), new("KEB Hana Bank", "KOEXKRSE", "KR"), new("KB Kookmin Bank", "CZNBKRSE", "KR")],
        EmailDomains = ["naver.com", "gmail.com", "daum.net", "kakao.com"],
        Universities = ["Seoul National University", "KAIST", "Yonsei University", "Korea University"],
        Document = ("residence_permit", r => N(r, 6) + "-" + N(r, 7), true),
    };

    public static readonly Country JP = new()
    {
        Code = "JP",
        Cities = [new("Tokyo", "Tokyo", "150-", "Asia/Tokyo", "3"), new("Osaka", "Osaka", "530-", "Asia/Tokyo", "6"),
            new("Fukuoka", "Fukuoka", "810-", "Asia/Tokyo", "92")],
        Streets = ["Jingumae", "Umeda", "Tenjin", "Shibuya", "Nakameguro"],
        NumberFirst = false,
        Phone = (r, _) => $"+81 90 {N(r, 4)} {N(r, 4)}",
        PostalCode = r => N(r, 4),
        ResidentialAsns = [2516, 17676, 4713],
        Banks = [new("MUFG Bank", "BOTKJPJT", "JP"), new("Mizuho Bank", "MHCBJPJT", "JP"), new("Sumitomo Mitsui Banking Corporation", "SMBCJPJT", "JP")],
        EmailDomains = ["gmail.com", "yahoo.co.jp", "outlook.jp", "icloud.com"],
        Universities = ["University of Tokyo", "Kyoto University", "Tokyo Institute of Technology", "Keio University"],
        Document = ("residence_permit", r => L(r, 2) + N(r, 8) + L(r, 2), true),
    };

    public static readonly Country BR = new()
    {
        Code = "BR",
        Cities = [new("São Paulo", "SP", "01310-", "America/Sao_Paulo", "11"), new("Rio de Janeiro", "RJ", "22021-", "America/Sao_Paulo", "21"),
            new("Belo Horizonte", "MG", "30130-", "America/Sao_Paulo", "31")],
        Streets = ["Avenida Paulista", "Rua Augusta", "Avenida Atlântica", "Rua da Bahia", "Rua Oscar Freire"],
        NumberFirst = false,
        Phone = (r, c) => $"+55 {Country.Pick(r, c.AreaCodes)} 9{N(r, 4)} {N(r, 4)}",
        PostalCode = r => N(r, 3),
        ResidentialAsns = [18881, 28573],
        Banks = [new("Itaú Unibanco", "ITAUBRSP", "BR"), new("Banco do Brasil", "BRASBRRJ", "BR")],
        EmailDomains = ["gmail.com", "uol.com.br", "hotmail.com", "bol.com.br"],
        Universities = ["Universidade de São Paulo", "UNICAMP", "UFRJ", "UFMG"],
        Document = ("residence_permit", r => L(r, 1) + N(r, 6) + "-" + L(r, 1), true),
    };

    public static readonly Country MX = new()
    {
        Code = "MX",
        Cities = [new("Ciudad de México", "CDMX", "06", "America/Mexico_City", "55"), new("Guadalajara", "Jalisco", "44", "America/Mexico_City", "33")],
        Streets = ["Avenida Reforma", "Calle Madero", "Avenida Chapultepec", "Calle Hidalgo"],
        NumberFirst = false,
        Phone = (r, c) => $"+52 {Country.Pick(r, c.AreaCodes)} {N(r, 4)} {N(r, 4)}",
        PostalCode = r => N(r, 3),
        ResidentialAsns = [8151],
        Banks = [new("BBVA México", "BCMRMXMM", "MX"), new("Banorte", "MENOMXMT", "MX")],
        EmailDomains = ["gmail.com", "hotmail.com", "outlook.com", "yahoo.com.mx"],
        Universities = ["UNAM", "Tecnológico de Monterrey", "Universidad de Guadalajara"],
        Document = ("national_id", r => L(r, 4) + N(r, 6) + L(r, 6) + N(r, 2), true),
    };

    public static readonly Country PT = new()
    {
        Code = "PT",
        Cities = [new("Lisboa", "Lisboa", "1100-", "Europe/Lisbon", "21"), new("Porto", "Porto", "4000-", "Europe/Lisbon", "22")],
        Streets = ["Rua Augusta", "Avenida da Liberdade", "Rua de Santa Catarina", "Rua do Ouro"],
        NumberFirst = false,
        Phone = (r, _) => $"+351 91{r.Next(10)} {N(r, 3)} {N(r, 3)}",
        PostalCode = r => N(r, 3),
        ResidentialAsns = [3243],
        Banks = [new("Caixa Geral de Depósitos", "CGDIPTPL", "PT", "0035"), new("Millennium BCP", "BCOMPTPL", "PT", "0033")],
        EmailDomains = ["gmail.com", "sapo.pt", "outlook.pt"],
        Universities = ["Universidade de Lisboa", "Universidade do Porto"],
        Document = ("residence_permit", r => N(r, 9), true),
    };

    public static readonly Country IT = new()
    {
        Code = "IT",
        Cities = [new("Milano", "Lombardia", "201", "Europe/Rome", "2"), new("Roma", "Lazio", "001", "Europe/Rome", "6")],
        Streets = ["Via Roma", "Corso Italia", "Via Garibaldi", "Via Dante"],
        NumberFirst = false,
        Phone = (r, _) => $"+39 3{N(r, 2)} {N(r, 3)} {N(r, 4)}",
        PostalCode = r => N(r, 2),
        ResidentialAsns = [3269, 30722],
        Banks = [new("UniCredit", "UNCRITMM", "IT", "X02008"), new("Intesa Sanpaolo", "BCITITMM", "IT", "X03069")],
        EmailDomains = ["gmail.com", "libero.it", "outlook.it"],
        Universities = ["Politecnico di Milano", "Sapienza Università di Roma"],
        Document = ("national_id", r => "C" + L(r, 1) + N(r, 5) + L(r, 2), true),
    };

    /// <summary>Only a travel destination here (family visits, business trips): hotel and mobile connections on Chinese ISPs.</summary>
    public static readonly Country CN = new()
    {
        Code = "CN",
        Cities = [new("Shanghai", "Shanghai", "2000", "Asia/Shanghai", "21"), new("Beijing", "Beijing", "1000", "Asia/Shanghai", "10"),
            new("Shenzhen", "Guangdong", "5180", "Asia/Shanghai", "755")],
        Streets = ["Nanjing Road", "Chang'an Avenue", "Shennan Boulevard"],
        Phone = (r, _) => $"+86 139 {N(r, 4)} {N(r, 4)}",
        PostalCode = r => N(r, 2),
        ResidentialAsns = [4134, 4837],
        Banks = [new("Bank of China", "BKCHCNBJ", "CN")],
        EmailDomains = ["qq.com", "163.com"],
        Universities = ["Tsinghua University", "Fudan University"],
        Document = ("passport", r => "E" + N(r, 8), false),
    };

    /// <summary>Where honest residents of the baseline live (most candidates apply for US roles from the US).</summary>
    public static readonly (Country Country, double Share)[] HomeMix =
        [(US, 0.74), (CA, 0.05), (GB, 0.06), (DE, 0.04), (IE, 0.02), (FR, 0.02), (NL, 0.02), (ES, 0.02), (PL, 0.03)];

    /// <summary>Countries people move to and work from (the "living abroad" hard case).</summary>
    public static readonly Country[] Abroad = [DE, KR, JP, BR, PT, MX, ES, NL];

    /// <summary>Countries travellers are seen in for a few days.</summary>
    public static readonly Country[] TravelDestinations = [FR, IT, MX, JP, ES, GB, PT, DE, CA, CN];

    public static readonly Country[] All = [US, CA, GB, IE, DE, FR, NL, ES, PL, KR, JP, BR, MX, PT, IT];

    public static Country Weighted(Random rng, (Country Country, double Share)[] mix)
    {
        var x = rng.NextDouble() * mix.Sum(m => m.Share);
        foreach (var (country, share) in mix)
            if ((x -= share) < 0) return country;
        return mix[^1].Country;
    }
}
