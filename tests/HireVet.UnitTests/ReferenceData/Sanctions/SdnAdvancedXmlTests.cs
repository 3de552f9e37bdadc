using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using HireVet.Application.Common.Formats;
using HireVet.Application.ReferenceData.Sanctions;
using HireVet.Infrastructure.ReferenceData.Sanctions;

namespace HireVet.UnitTests.ReferenceData.Sanctions;

[Collection(SdnDataCollection.Name)]
public class SdnAdvancedXmlTests(SdnDataFixture data)
{
    [Fact]
    public void Reads_the_date_of_issue()
    {
        Assert.Equal("2025-11-19", data.List.DateOfIssue);
    }

    [Fact]
    public void Reads_every_distinct_party_with_the_type_counts_the_readme_gives()
    {
        Assert.Equal(18_367, data.List.Entries.Count);
        var byType = data.List.Entries.GroupBy(entry => entry.Type).ToDictionary(group => group.Key, group => group.Count());
        Assert.Equal(9_359, byType["entity"]);
        Assert.Equal(7_303, byType["individual"]);
        Assert.Equal(1_370, byType["vessel"]);
        Assert.Equal(335, byType["aircraft"]);
        Assert.Equal(data.List.Entries.Count, data.List.Entries.Select(entry => entry.ProfileId).Distinct().Count());
    }

    [Theory]
    [InlineData("DPRK", 69)]
    [InlineData("DPRK2", 124)]
    [InlineData("DPRK3", 160)]
    [InlineData("DPRK4", 190)]
    [InlineData("DPRK-NKSPEA", 2)]
    [InlineData("CYBER2", 269)]
    [InlineData("CYBER3", 9)]
    [InlineData("CYBER4", 52)]
    [InlineData("NPWMD", 1_127)]
    public void Reads_programme_tags_from_the_sdn_list_entries(string program, int entries)
    {
        Assert.Equal(entries, data.List.Entries.Count(entry => entry.Programs.Contains(program)));
    }

    [Fact]
    public void Flags_the_538_entries_on_a_dprk_programme()
    {
        Assert.Equal(538, data.List.Entries.Count(entry => entry.IsDprkProgram));
    }

    [Fact]
    public void Reads_Kim_Sang_Man_with_names_birth_date_countries_and_crypto_addresses()
    {
        var kim = data.Entry(43377);

        Assert.Equal("individual", kim.Type);
        Assert.Equal("Kim, Sang Man", kim.PrimaryName);
        Assert.Equal(["김, 상만", "Kim, Sangman"], kim.Aliases);
        Assert.Equal(["DPRK4"], kim.Programs);
        Assert.True(kim.IsDprkProgram);
        Assert.Equal(["1965-04-25"], kim.DatesOfBirth);
        Assert.Equal(["Korea, North", "Russia"], kim.Countries);
        Assert.Equal(["KP", "RU"], kim.CountryCodes);
        Assert.Equal(6, kim.Addresses.Length);
        Assert.Contains(new DigitalCurrencyAddress("XBT", "1D6gG9iKEhPitTcWRJiniuj1jYM2hNeAfJ"), kim.Addresses);
        Assert.Contains(new DigitalCurrencyAddress("USDT", "0xb6f5ec1a0a9cd1526536d3f0426c429529471f40"), kim.Addresses);
    }

    [Fact]
    public void Reads_Lazarus_Group_as_a_DPRK3_entity_with_eight_ETH_addresses()
    {
        var lazarus = data.List.Entries.Single(entry => entry.PrimaryName == "Lazarus Group");

        Assert.Equal(27307, lazarus.ProfileId);
        Assert.Equal("entity", lazarus.Type);
        Assert.Equal(["DPRK3"], lazarus.Programs);
        Assert.Contains("Hidden Cobra", lazarus.Aliases);
        Assert.Equal(8, lazarus.Addresses.Count(address => address.Ticker == "ETH"));
        Assert.Contains("KP", lazarus.CountryCodes);
    }

    [Fact]
    public void Reads_e_mail_addresses_and_websites()
    {
        Assert.Equal(["wangge327@yahoo.com"], data.Entry(49970).Emails);
        Assert.Equal(["http://www.jalili.ir", "http://sharif.edu/jalili"], data.Entry(15541).Websites);
    }

    [Theory]
    [InlineData(43377, "1965-04-25")]
    [InlineData(2678, "1946")]
    [InlineData(6862, "1938-09")]
    [InlineData(8868, "1955..1957")]
    [InlineData(7782, "circa 1951")]
    [InlineData(23470, "1962-03-01..1963-02-28")]
    public void Writes_birth_dates_the_way_OFAC_prints_them(int profileId, string expected)
    {
        Assert.Contains(expected, data.Entry(profileId).DatesOfBirth);
    }

    [Fact]
    public void Writes_every_birth_date_in_one_of_the_documented_shapes()
    {
        var shape = new Regex(@"^(circa )?\d{4}(-\d{2}(-\d{2})?)?(\.\.\d{4}(-\d{2}(-\d{2})?)?)?$");
        var dates = data.List.Entries.SelectMany(entry => entry.DatesOfBirth).ToList();

        Assert.True(dates.Count > 7_900, $"only {dates.Count} birth dates");
        Assert.All(dates, date => Assert.Matches(shape, date));
    }

    [Fact]
    public void Agrees_with_the_derived_dprk_csv_on_every_row()
    {
        var rows = ReadCsv(Path.Combine(data.DataDirectory, "ofac", "derived", "dprk-sdn-entries.csv"));

        Assert.Equal(671, rows.Count);
        foreach (var row in rows)
        {
            var entry = data.Entry(int.Parse(row["ent_num"]));
            Assert.Equal(row["sdn_type"], entry.Type);
            Assert.Equal(row["name"], entry.PrimaryName);
            Assert.Equal(Split(row["aliases"], " | ").Order(), entry.Aliases.Order());
            Assert.Equal(Split(row["programs"], ";").Order(), entry.Programs.Order());
            Assert.Equal(Split(row["nationality_citizenship"] + ";" + row["location_countries"], ";").Distinct().Order(), entry.Countries.Order());
            Assert.Equal(Split(row["emails"], ";"), entry.Emails);
            Assert.Equal(Split(row["websites"], ";"), entry.Websites);
            Assert.Equal(Split(row["digital_currency_addresses"], ";").Order(), entry.Addresses.Select(a => $"{a.Ticker}:{a.Address}").Order());
        }
    }

    [Fact]
    public void Reads_plain_and_gzip_files_alike_and_orders_spanish_surnames_first()
    {
        var xml = Encoding.UTF8.GetBytes(TinyDocument);
        var plain = Path.GetTempFileName();
        var gzipped = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(plain, xml);
            using (var file = File.Create(gzipped))
            using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
            {
                gzip.Write(xml);
            }

            foreach (var list in new[] { SdnAdvancedXml.ReadFile(plain), SdnAdvancedXml.ReadFile(gzipped) })
            {
                Assert.Equal("2024-01-02", list.DateOfIssue);
                var entry = Assert.Single(list.Entries);
                Assert.Equal(7, entry.ProfileId);
                Assert.Equal("individual", entry.Type);
                Assert.Equal("ORTEGA MURILLO, Camila Antonia", entry.PrimaryName);
                Assert.Equal(["MURILLO, Camila"], entry.Aliases);
                Assert.Equal(["MURILLO, Camila"], entry.WeakAliases);
                Assert.Equal(["1987..1989"], entry.DatesOfBirth);
                Assert.Equal(["Nicaragua"], entry.Countries);
                Assert.Equal(["NI"], entry.CountryCodes);
                Assert.Equal(["NICARAGUA"], entry.Programs);
                Assert.Equal([new DigitalCurrencyAddress("XBT", "1abc")], entry.Addresses);
            }
        }
        finally
        {
            File.Delete(plain);
            File.Delete(gzipped);
        }
    }

    [Fact]
    public void Rejects_a_document_that_is_not_a_sanctions_list()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("<html><body/></html>"));

        Assert.Throws<FormatException>(() => SdnAdvancedXml.Read(stream));
    }

    [Fact]
    public void Surfaces_a_truncated_file_as_an_xml_error()
    {
        var truncated = TinyDocument[..TinyDocument.IndexOf("<SanctionsEntries>", StringComparison.Ordinal)];
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(truncated));

        Assert.Throws<XmlException>(() => SdnAdvancedXml.Read(stream));
    }

    private static string[] Split(string value, string separator) =>
        value.Split(separator, StringSplitOptions.RemoveEmptyEntries);

    private static List<Dictionary<string, string>> ReadCsv(string path)
    {
        using var reader = new StreamReader(path);
        var records = Csv.ReadValues(reader).ToList();
        return records.Skip(1)
            .Select(fields => records[0].Zip(fields).ToDictionary(pair => pair.First, pair => pair.Second))
            .ToList();
    }

    // The shapes of the real file, cut down to one individual whose surnames OFAC types Patronymic + Matronymic.
    private const string TinyDocument = """
        <?xml version="1.0" encoding="utf-8"?>
        <Sanctions xmlns="https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADVANCED_XML">
          <DateOfIssue CalendarTypeID="1"><Year>2024</Year><Month>1</Month><Day>2</Day></DateOfIssue>
          <ReferenceValueSets>
            <AliasTypeValues><AliasType ID="1400">A.K.A.</AliasType><AliasType ID="1403">Name</AliasType></AliasTypeValues>
            <CountryValues><Country ID="11144" ISO2="NI">Nicaragua</Country></CountryValues>
            <FeatureTypeValues>
              <FeatureType ID="8" FeatureTypeGroupID="1">Birthdate</FeatureType>
              <FeatureType ID="10" FeatureTypeGroupID="1">Nationality Country</FeatureType>
              <FeatureType ID="344" FeatureTypeGroupID="1">Digital Currency Address - XBT</FeatureType>
            </FeatureTypeValues>
            <ListValues><List ID="1550">SDN List</List></ListValues>
            <NamePartTypeValues>
              <NamePartType ID="1520">Last Name</NamePartType>
              <NamePartType ID="1521">First Name</NamePartType>
              <NamePartType ID="1522">Middle Name</NamePartType>
              <NamePartType ID="91708">Patronymic</NamePartType>
              <NamePartType ID="91709">Matronymic</NamePartType>
            </NamePartTypeValues>
            <PartySubTypeValues><PartySubType ID="4" PartyTypeID="1">Unknown</PartySubType></PartySubTypeValues>
            <PartyTypeValues><PartyType ID="1">Individual</PartyType></PartyTypeValues>
            <SanctionsProgramValues><SanctionsProgram ID="91808" SubsidiaryBodyID="1">NICARAGUA</SanctionsProgram></SanctionsProgramValues>
            <SanctionsTypeValues><SanctionsType ID="1705">Block</SanctionsType><SanctionsType ID="1">Program</SanctionsType></SanctionsTypeValues>
          </ReferenceValueSets>
          <Locations>
            <Location ID="5">
              <LocationPart LocPartTypeID="1"><LocationPartValue Primary="true"><Comment /><Value>Nicaragua</Value></LocationPartValue></LocationPart>
            </Location>
          </Locations>
          <IDRegDocuments><IDRegDocument ID="1" /></IDRegDocuments>
          <DistinctParties>
            <DistinctParty FixedRef="7">
              <Comment />
              <Profile ID="7" PartySubTypeID="4">
                <Identity ID="70" FixedRef="7" Primary="true" False="false">
                  <Alias FixedRef="7" AliasTypeID="1403" Primary="true" LowQuality="false">
                    <DocumentedName ID="71" FixedRef="7" DocNameStatusID="1">
                      <DocumentedNamePart><NamePartValue NamePartGroupID="1">Camila</NamePartValue></DocumentedNamePart>
                      <DocumentedNamePart><NamePartValue NamePartGroupID="2">Antonia</NamePartValue></DocumentedNamePart>
                      <DocumentedNamePart><NamePartValue NamePartGroupID="3">MURILLO</NamePartValue></DocumentedNamePart>
                      <DocumentedNamePart><NamePartValue NamePartGroupID="4">ORTEGA</NamePartValue></DocumentedNamePart>
                    </DocumentedName>
                  </Alias>
                  <Alias FixedRef="7" AliasTypeID="1400" Primary="false" LowQuality="true">
                    <DocumentedName ID="72" FixedRef="7" DocNameStatusID="2">
                      <DocumentedNamePart><NamePartValue NamePartGroupID="5">MURILLO</NamePartValue></DocumentedNamePart>
                      <DocumentedNamePart><NamePartValue NamePartGroupID="6">Camila</NamePartValue></DocumentedNamePart>
                    </DocumentedName>
                  </Alias>
                  <NamePartGroups>
                    <MasterNamePartGroup><NamePartGroup ID="1" NamePartTypeID="1521" /></MasterNamePartGroup>
                    <MasterNamePartGroup><NamePartGroup ID="2" NamePartTypeID="1522" /></MasterNamePartGroup>
                    <MasterNamePartGroup><NamePartGroup ID="3" NamePartTypeID="91709" /></MasterNamePartGroup>
                    <MasterNamePartGroup><NamePartGroup ID="4" NamePartTypeID="91708" /></MasterNamePartGroup>
                    <MasterNamePartGroup><NamePartGroup ID="5" NamePartTypeID="1520" /></MasterNamePartGroup>
                    <MasterNamePartGroup><NamePartGroup ID="6" NamePartTypeID="1521" /></MasterNamePartGroup>
                  </NamePartGroups>
                </Identity>
                <Feature ID="80" FeatureTypeID="8">
                  <FeatureVersion ID="81" ReliabilityID="1">
                    <DatePeriod CalendarTypeID="1">
                      <Start Approximate="false"><From><Year>1987</Year><Month>1</Month><Day>1</Day></From><To><Year>1987</Year><Month>12</Month><Day>31</Day></To></Start>
                      <End Approximate="false"><From><Year>1989</Year><Month>1</Month><Day>1</Day></From><To><Year>1989</Year><Month>12</Month><Day>31</Day></To></End>
                    </DatePeriod>
                  </FeatureVersion>
                </Feature>
                <Feature ID="82" FeatureTypeID="10">
                  <FeatureVersion ID="83" ReliabilityID="1"><VersionDetail DetailTypeID="1433" /><VersionLocation LocationID="5" /></FeatureVersion>
                </Feature>
                <Feature ID="84" FeatureTypeID="344">
                  <FeatureVersion ID="85" ReliabilityID="1"><Comment /><VersionDetail DetailTypeID="1432"> 1abc </VersionDetail></FeatureVersion>
                </Feature>
              </Profile>
            </DistinctParty>
          </DistinctParties>
          <SanctionsEntries>
            <SanctionsEntry ID="7" ProfileID="7" ListID="1550">
              <SanctionsMeasure ID="1" SanctionsTypeID="1705" />
              <SanctionsMeasure ID="2" SanctionsTypeID="1"><Comment>NICARAGUA</Comment></SanctionsMeasure>
            </SanctionsEntry>
          </SanctionsEntries>
        </Sanctions>
        """;
}
