using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace HireVet.Application.Common.Formats;

/// <summary>The country an English country name denotes, as the last line of a free-text address gives it ("New York,
/// NY 10001, USA", "10115 Berlin, Germany"): ISO 3166-1 short names and common names, and the everyday names that
/// differ from them (USA, UK, England, Russia, Turkey, Holland...). Bare two-letter codes are not read as countries:
/// "CA", "DE", "IN" and "GA" are US states as often as they are Canada, Germany, India and Gabon.</summary>
public static class CountryNames
{
    // ISO 3166-1 "name" and "common_name" (those without a comma), generated from /usr/share/iso-codes/json/iso_3166-1.json.
    private const string IsoNames =
        "Andorra=AD|United Arab Emirates=AE|Afghanistan=AF|Antigua and Barbuda=AG|Anguilla=AI|Albania=AL|"
        + "Armenia=AM|Angola=AO|Antarctica=AQ|Argentina=AR|American Samoa=AS|Austria=AT|Australia=AU|Aruba=AW|"
        + "Åland Islands=AX|Azerbaijan=AZ|Bosnia and Herzegovina=BA|Barbados=BB|Bangladesh=BD|Belgium=BE|"
        + "Burkina Faso=BF|Bulgaria=BG|Bahrain=BH|Burundi=BI|Benin=BJ|Saint Barthélemy=BL|Bermuda=BM|"
        + "Brunei Darussalam=BN|Bolivia=BO|Brazil=BR|Bahamas=BS|Bhutan=BT|Bouvet Island=BV|Botswana=BW|Belarus=BY|"
        + "Belize=BZ|Canada=CA|Cocos (Keeling) Islands=CC|Central African Republic=CF|Congo=CG|Switzerland=CH|"
        + "Côte d'Ivoire=CI|Cook Islands=CK|Chile=CL|Cameroon=CM|China=CN|Colombia=CO|Costa Rica=CR|Cuba=CU|"
        + "Cabo Verde=CV|Curaçao=CW|Christmas Island=CX|Cyprus=CY|Czechia=CZ|Germany=DE|Djibouti=DJ|Denmark=DK|"
        + "Dominica=DM|Dominican Republic=DO|Algeria=DZ|Ecuador=EC|Estonia=EE|Egypt=EG|Western Sahara=EH|"
        + "Eritrea=ER|Spain=ES|Ethiopia=ET|Finland=FI|Fiji=FJ|Falkland Islands (Malvinas)=FK|Faroe Islands=FO|"
        + "France=FR|Gabon=GA|United Kingdom=GB|Grenada=GD|Georgia=GE|French Guiana=GF|Guernsey=GG|Ghana=GH|"
        + "Gibraltar=GI|Greenland=GL|Gambia=GM|Guinea=GN|Guadeloupe=GP|Equatorial Guinea=GQ|Greece=GR|"
        + "South Georgia and the South Sandwich Islands=GS|Guatemala=GT|Guam=GU|Guinea-Bissau=GW|Guyana=GY|"
        + "Hong Kong=HK|Heard Island and McDonald Islands=HM|Honduras=HN|Croatia=HR|Haiti=HT|Hungary=HU|"
        + "Indonesia=ID|Ireland=IE|Israel=IL|Isle of Man=IM|India=IN|British Indian Ocean Territory=IO|Iraq=IQ|"
        + "Iran=IR|Iceland=IS|Italy=IT|Jersey=JE|Jamaica=JM|Jordan=JO|Japan=JP|Kenya=KE|Kyrgyzstan=KG|Cambodia=KH|"
        + "Kiribati=KI|Comoros=KM|Saint Kitts and Nevis=KN|North Korea=KP|South Korea=KR|Kuwait=KW|"
        + "Cayman Islands=KY|Kazakhstan=KZ|Lao People's Democratic Republic=LA|Laos=LA|Lebanon=LB|Saint Lucia=LC|"
        + "Liechtenstein=LI|Sri Lanka=LK|Liberia=LR|Lesotho=LS|Lithuania=LT|Luxembourg=LU|Latvia=LV|Libya=LY|"
        + "Morocco=MA|Monaco=MC|Moldova=MD|Montenegro=ME|Saint Martin (French part)=MF|Madagascar=MG|"
        + "Marshall Islands=MH|North Macedonia=MK|Mali=ML|Myanmar=MM|Mongolia=MN|Macao=MO|"
        + "Northern Mariana Islands=MP|Martinique=MQ|Mauritania=MR|Montserrat=MS|Malta=MT|Mauritius=MU|Maldives=MV|"
        + "Malawi=MW|Mexico=MX|Malaysia=MY|Mozambique=MZ|Namibia=NA|New Caledonia=NC|Niger=NE|Norfolk Island=NF|"
        + "Nigeria=NG|Nicaragua=NI|Netherlands=NL|Norway=NO|Nepal=NP|Nauru=NR|Niue=NU|New Zealand=NZ|Oman=OM|"
        + "Panama=PA|Peru=PE|French Polynesia=PF|Papua New Guinea=PG|Philippines=PH|Pakistan=PK|Poland=PL|"
        + "Saint Pierre and Miquelon=PM|Pitcairn=PN|Puerto Rico=PR|Portugal=PT|Palau=PW|Paraguay=PY|Qatar=QA|"
        + "Réunion=RE|Romania=RO|Serbia=RS|Russian Federation=RU|Rwanda=RW|Saudi Arabia=SA|Solomon Islands=SB|"
        + "Seychelles=SC|Sudan=SD|Sweden=SE|Singapore=SG|Slovenia=SI|Svalbard and Jan Mayen=SJ|Slovakia=SK|"
        + "Sierra Leone=SL|San Marino=SM|Senegal=SN|Somalia=SO|Suriname=SR|South Sudan=SS|Sao Tome and Principe=ST|"
        + "El Salvador=SV|Sint Maarten (Dutch part)=SX|Syrian Arab Republic=SY|Syria=SY|Eswatini=SZ|"
        + "Turks and Caicos Islands=TC|Chad=TD|French Southern Territories=TF|Togo=TG|Thailand=TH|Tajikistan=TJ|"
        + "Tokelau=TK|Timor-Leste=TL|Turkmenistan=TM|Tunisia=TN|Tonga=TO|Türkiye=TR|Trinidad and Tobago=TT|"
        + "Tuvalu=TV|Taiwan=TW|Tanzania=TZ|Ukraine=UA|Uganda=UG|United States Minor Outlying Islands=UM|"
        + "United States=US|Uruguay=UY|Uzbekistan=UZ|Holy See (Vatican City State)=VA|"
        + "Saint Vincent and the Grenadines=VC|Venezuela=VE|Viet Nam=VN|Vietnam=VN|Vanuatu=VU|Wallis and Futuna=WF|"
        + "Samoa=WS|Yemen=YE|Mayotte=YT|South Africa=ZA|Zambia=ZM|Zimbabwe=ZW";

    private const string EverydayNames =
        "USA=US|US=US|U.S.=US|U.S.A.=US|United States of America=US|America=US|UK=GB|U.K.=GB|Great Britain=GB|Britain=GB|"
        + "England=GB|Scotland=GB|Wales=GB|Northern Ireland=GB|Russia=RU|Czech Republic=CZ|Turkey=TR|Holland=NL|"
        + "Brunei=BN|Cape Verde=CV|Macedonia=MK|Swaziland=SZ|Palestine=PS|Ivory Coast=CI|Burma=MM|East Timor=TL|"
        + "Vatican=VA|Vatican City=VA|DR Congo=CD|DRC=CD|Democratic Republic of the Congo=CD|Republic of Korea=KR|"
        + "UAE=AE|Micronesia=FM";

    private static readonly FrozenDictionary<string, string> ByName = (IsoNames + "|" + EverydayNames)
        .Split('|', StringSplitOptions.RemoveEmptyEntries)
        .Select(entry => entry.Split('='))
        .ToFrozenDictionary(pair => Key(pair[0]), pair => pair[1], StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> ByCode = IsoNames
        .Split('|', StringSplitOptions.RemoveEmptyEntries)
        .Select(entry => entry.Split('='))
        .GroupBy(pair => pair[1])
        .ToFrozenDictionary(g => g.Key, g => g.First()[0], StringComparer.Ordinal);

    /// <summary>The English name of an ISO 3166-1 alpha-2 code ("DE" → "Germany"), or the code itself when unknown.</summary>
    public static string Of(string code) => ByCode.GetValueOrDefault(code, code);

    /// <summary>The ISO 3166-1 alpha-2 code of a country name ("United States", "usa", "the Netherlands", "Cote
    /// d'Ivoire"), or null when the text names no country this table knows.</summary>
    public static string? ToAlpha2(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : ByName.GetValueOrDefault(Key(name));

    /// <summary>Lower case without accents, curly apostrophes straightened, spaces collapsed, a leading "the" dropped.</summary>
    private static string Key(string name)
    {
        var decomposed = name.Trim().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            builder.Append(c is '\u2019' or '\u2018' ? '\'' : char.ToLowerInvariant(c));
        }
        var key = string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return key.StartsWith("the ", StringComparison.Ordinal) ? key[4..] : key;
    }
}
