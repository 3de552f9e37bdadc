using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using System.Runtime.ExceptionServices;
using System.Xml;
using HireVet.Application.ReferenceData.Sanctions;

namespace HireVet.Infrastructure.ReferenceData.Sanctions;

/// <summary>
/// Streaming reader for OFAC's "Advanced Sanctions List Standard" XML (SDN_ADVANCED.XML). The file is ~120 MB,
/// so only one <c>Location</c>, <c>DistinctParty</c> or <c>SanctionsEntry</c> is materialised at a time, as a
/// small element tree that is cheaper to build than <c>XElement</c> (the reader thread is the bottleneck).
/// </summary>
public static class SdnAdvancedXml
{
    private const string SdnListName = "SDN List";
    private const string ProgramMeasureName = "Program";
    private const string DigitalCurrencyPrefix = "Digital Currency Address - ";
    private const int QueueCapacity = 256;

    public static SdnList ReadFile(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        Span<byte> magic = stackalloc byte[2];
        var isGzip = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        file.Position = 0;
        if (!isGzip)
        {
            return Read(file);
        }

        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var buffered = new BufferedStream(gzip, 1 << 16);
        return Read(buffered);
    }

    public static SdnList Read(Stream xml)
    {
        var settings = new XmlReaderSettings
        {
            IgnoreComments = true,
            IgnoreWhitespace = true,
            IgnoreProcessingInstructions = true,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            CloseInput = false,
            CheckCharacters = false,
        };
        using var reader = XmlReader.Create(xml, settings);
        reader.MoveToContent();
        if (reader.LocalName != "Sanctions")
        {
            throw new FormatException($"Expected <Sanctions> as the root element, found <{reader.LocalName}>.");
        }

        // XmlReader tokenising is the bottleneck, so the elements are turned into entries on a second thread.
        // One consumer keeps file order, which matters: reference values and locations precede the parties.
        var parser = new Parser();
        using var queue = new BlockingCollection<(Action<Node> Handle, Node Element)>(QueueCapacity);
        using var cancel = new CancellationTokenSource();
        var consumer = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    foreach (var (handle, element) in queue.GetConsumingEnumerable(cancel.Token))
                    {
                        handle(element);
                    }
                }
                catch
                {
                    cancel.Cancel();
                    throw;
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        Exception? readError = null;
        try
        {
            ReadSections(reader, parser, (handle, element) => queue.Add((handle, element), cancel.Token));
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // The consumer failed; its exception surfaces below.
        }
        catch (Exception exception)
        {
            readError = exception;
            cancel.Cancel();
        }
        finally
        {
            queue.CompleteAdding();
        }

        try
        {
            consumer.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (readError is not null)
        {
        }

        if (readError is not null)
        {
            ExceptionDispatchInfo.Throw(readError);
        }

        return parser.Finish();
    }

    private static void ReadSections(XmlReader reader, Parser parser, Action<Action<Node>, Node> post)
    {
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }

            switch (reader.LocalName)
            {
                case "DateOfIssue":
                    post(parser.ReadDateOfIssue, Node.Read(reader));
                    break;
                case "ReferenceValueSets":
                    post(parser.ReadReferenceValues, Node.Read(reader));
                    break;
                case "Locations":
                    ForEachChild(reader, "Location", element => post(parser.ReadLocation, element));
                    break;
                case "DistinctParties":
                    ForEachChild(reader, "DistinctParty", element => post(parser.ReadDistinctParty, element));
                    break;
                case "SanctionsEntries":
                    ForEachChild(reader, "SanctionsEntry", element => post(parser.ReadSanctionsEntry, element));
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
    }

    private static void ForEachChild(XmlReader reader, string childName, Action<Node> handle)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }

        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
            }
            else if (reader.LocalName == childName)
            {
                handle(Node.Read(reader));
            }
            else
            {
                reader.Skip();
            }
        }

        reader.Read();
    }

    /// <summary>An element with its attributes, child elements and text; all this file needs of the XML.</summary>
    private sealed class Node
    {
        private static readonly List<Node> NoChildren = [];
        private static readonly KeyValuePair<string, string>[] NoAttributes = [];

        private Node(string name) => Name = name;

        public string Name { get; }

        public string Text { get; private set; } = "";

        public KeyValuePair<string, string>[] Attributes { get; private set; } = NoAttributes;

        public List<Node> Children { get; private set; } = NoChildren;

        public string? this[string attribute]
        {
            get
            {
                foreach (var pair in Attributes)
                {
                    if (pair.Key == attribute)
                    {
                        return pair.Value;
                    }
                }

                return null;
            }
        }

        public static Node Read(XmlReader reader)
        {
            var node = new Node(reader.LocalName);
            var attributeCount = reader.AttributeCount;
            if (attributeCount > 0)
            {
                node.Attributes = new KeyValuePair<string, string>[attributeCount];
                for (var i = 0; i < attributeCount; i++)
                {
                    reader.MoveToAttribute(i);
                    node.Attributes[i] = new(reader.LocalName, reader.Value);
                }

                reader.MoveToElement();
            }

            if (reader.IsEmptyElement)
            {
                reader.Read();
                return node;
            }

            List<Node>? children = null;
            reader.Read();
            while (reader.NodeType != XmlNodeType.EndElement && !reader.EOF)
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        (children ??= []).Add(Read(reader));
                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace:
                        node.Text += reader.Value;
                        reader.Read();
                        break;
                    default:
                        reader.Read();
                        break;
                }
            }

            reader.Read();
            node.Children = children ?? NoChildren;
            return node;
        }

        public Node? Child(string name)
        {
            foreach (var child in Children)
            {
                if (child.Name == name)
                {
                    return child;
                }
            }

            return null;
        }

        public IEnumerable<Node> ChildrenNamed(string name) => Children.Where(child => child.Name == name);

        public IEnumerable<Node> Descendants(string name)
        {
            foreach (var child in Children)
            {
                if (child.Name == name)
                {
                    yield return child;
                }

                foreach (var descendant in child.Descendants(name))
                {
                    yield return descendant;
                }
            }
        }
    }

    private sealed class Parser
    {
        private readonly Dictionary<string, string> featureTypes = [];
        private readonly Dictionary<string, string> namePartTypes = [];
        private readonly Dictionary<string, string> partyTypes = [];
        private readonly Dictionary<string, (string Name, string PartyTypeId)> partySubTypes = [];
        private readonly Dictionary<string, (string Name, string? Iso2)> countries = [];
        private readonly Dictionary<string, string> countryCodesByName = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, string> programs = [];
        private readonly Dictionary<string, string> sanctionsTypes = [];
        private readonly Dictionary<string, string> lists = [];
        private readonly Dictionary<int, (string Name, string? Iso2)> locationCountries = [];
        private readonly List<SdnEntry> entries = new(20_000);
        private readonly Dictionary<int, List<string>> programsByProfile = [];
        private string dateOfIssue = "";

        public void ReadDateOfIssue(Node element) => dateOfIssue = FormatDate(ReadYmd(element));

        public void ReadReferenceValues(Node sets)
        {
            foreach (var element in sets.Children.SelectMany(set => set.Children))
            {
                var id = element["ID"];
                if (id is null)
                {
                    continue;
                }

                var text = element.Text.Trim();
                switch (element.Name)
                {
                    case "FeatureType": featureTypes[id] = text; break;
                    case "NamePartType": namePartTypes[id] = text; break;
                    case "PartyType": partyTypes[id] = text; break;
                    case "PartySubType": partySubTypes[id] = (text, element["PartyTypeID"] ?? ""); break;
                    case "SanctionsProgram": programs[id] = text; break;
                    case "SanctionsType": sanctionsTypes[id] = text; break;
                    case "List": lists[id] = text; break;
                    case "Country":
                        var iso2 = element["ISO2"];
                        countries[id] = (text, iso2);
                        if (iso2 is not null)
                        {
                            countryCodesByName[text] = iso2;
                        }

                        break;
                }
            }
        }

        // Address locations carry LocationCountry; nationality/citizenship locations carry only a free-text
        // LocationPart of type "Unknown" holding the country name ("Korea, North").
        public void ReadLocation(Node location)
        {
            var id = int.Parse(location["ID"]!, CultureInfo.InvariantCulture);
            var countryId = location.Child("LocationCountry")?["CountryID"];
            if (countryId is not null && countries.TryGetValue(countryId, out var country))
            {
                locationCountries[id] = country;
                return;
            }

            foreach (var part in location.ChildrenNamed("LocationPart"))
            {
                if (part["LocPartTypeID"] == "1"
                    && part.Child("LocationPartValue")?.Child("Value")?.Text.Trim() is { Length: > 0 } name)
                {
                    locationCountries[id] = (name, countryCodesByName.GetValueOrDefault(name));
                    return;
                }
            }
        }

        public void ReadDistinctParty(Node party)
        {
            var profileElement = party.Child("Profile");
            var identityElement = profileElement?.Child("Identity");
            if (profileElement is null || identityElement is null)
            {
                return;
            }

            var profileId = int.Parse(profileElement["ID"]!, CultureInfo.InvariantCulture);
            var type = PartyType(profileElement["PartySubTypeID"]);
            var isIndividual = type == "individual";

            var partTypes = new Dictionary<string, string>();
            foreach (var group in identityElement.Descendants("NamePartGroup"))
            {
                partTypes[group["ID"]!] = namePartTypes.GetValueOrDefault(group["NamePartTypeID"] ?? "", "");
            }

            string? primaryName = null;
            var aliases = new List<string>();
            var weakAliases = new List<string>();
            foreach (var aliasElement in identityElement.ChildrenNamed("Alias"))
            {
                var isPrimaryAlias = aliasElement["Primary"] == "true";
                var isWeak = aliasElement["LowQuality"] == "true";
                foreach (var name in aliasElement.ChildrenNamed("DocumentedName"))
                {
                    var formatted = FormatName(name, partTypes, isIndividual);
                    if (formatted.Length == 0)
                    {
                        continue;
                    }

                    if (isPrimaryAlias && primaryName is null && name["DocNameStatusID"] == "1")
                    {
                        primaryName = formatted;
                        continue;
                    }

                    AddDistinct(aliases, formatted);
                    if (isWeak)
                    {
                        AddDistinct(weakAliases, formatted);
                    }
                }
            }

            primaryName ??= aliases.FirstOrDefault() ?? "";
            aliases.Remove(primaryName);

            var datesOfBirth = new List<string>();
            var countryNames = new List<string>();
            var countryCodes = new List<string>();
            var emails = new List<string>();
            var websites = new List<string>();
            var addresses = new List<DigitalCurrencyAddress>();
            foreach (var featureElement in profileElement.ChildrenNamed("Feature"))
            {
                var featureType = featureTypes.GetValueOrDefault(featureElement["FeatureTypeID"] ?? "", "");
                foreach (var version in featureElement.ChildrenNamed("FeatureVersion"))
                {
                    switch (featureType)
                    {
                        case "Birthdate":
                            if (version.Child("DatePeriod") is { } period && FormatDatePeriod(period) is { } dob)
                            {
                                AddDistinct(datesOfBirth, dob);
                            }

                            break;
                        case "Nationality Country" or "Citizenship Country" or "Location":
                            foreach (var location in version.ChildrenNamed("VersionLocation"))
                            {
                                if (locationCountries.TryGetValue(int.Parse(location["LocationID"]!, CultureInfo.InvariantCulture), out var country))
                                {
                                    AddDistinct(countryNames, country.Name);
                                    if (country.Iso2 is not null)
                                    {
                                        AddDistinct(countryCodes, country.Iso2);
                                    }
                                }
                            }

                            break;
                        case "Email Address":
                            AddDetail(emails, version);
                            break;
                        case "Website":
                            AddDetail(websites, version);
                            break;
                        default:
                            if (featureType.StartsWith(DigitalCurrencyPrefix, StringComparison.Ordinal)
                                && version.Child("VersionDetail")?.Text.Trim() is { Length: > 0 } address)
                            {
                                var currency = new DigitalCurrencyAddress(featureType[DigitalCurrencyPrefix.Length..].Trim(), address);
                                if (!addresses.Contains(currency))
                                {
                                    addresses.Add(currency);
                                }
                            }

                            break;
                    }
                }
            }

            entries.Add(new SdnEntry
            {
                ProfileId = profileId,
                Type = type,
                PrimaryName = primaryName,
                Aliases = [.. aliases],
                WeakAliases = [.. weakAliases],
                DatesOfBirth = [.. datesOfBirth],
                Countries = [.. countryNames],
                CountryCodes = [.. countryCodes],
                Emails = [.. emails],
                Websites = [.. websites],
                Addresses = [.. addresses],
            });
        }

        // Programmes come from the SDN-list entry only; the SSI/Consolidated duplicates of a few profiles repeat them.
        public void ReadSanctionsEntry(Node entry)
        {
            if (lists.GetValueOrDefault(entry["ListID"] ?? "") != SdnListName)
            {
                return;
            }

            var profileId = int.Parse(entry["ProfileID"]!, CultureInfo.InvariantCulture);
            foreach (var measure in entry.ChildrenNamed("SanctionsMeasure"))
            {
                if (sanctionsTypes.GetValueOrDefault(measure["SanctionsTypeID"] ?? "") != ProgramMeasureName)
                {
                    continue;
                }

                var program = measure["SanctionsProgramID"] is { } programId
                    ? programs.GetValueOrDefault(programId)
                    : measure.Child("Comment")?.Text.Trim();
                if (string.IsNullOrEmpty(program))
                {
                    continue;
                }

                if (!programsByProfile.TryGetValue(profileId, out var list))
                {
                    programsByProfile[profileId] = list = [];
                }

                AddDistinct(list, program);
            }
        }

        public SdnList Finish()
        {
            var result = new SdnEntry[entries.Count];
            for (var i = 0; i < entries.Count; i++)
            {
                var entry = entries[i];
                result[i] = programsByProfile.TryGetValue(entry.ProfileId, out var list) ? entry with { Programs = [.. list] } : entry;
            }

            return new SdnList(dateOfIssue, result, countryCodesByName);
        }

        private string PartyType(string? subTypeId)
        {
            if (subTypeId is null || !partySubTypes.TryGetValue(subTypeId, out var subType))
            {
                return "unknown";
            }

            // Sub-types are "Vessel", "Aircraft" or "Unknown"; the last defers to the party type (Individual, Entity).
            var name = subType.Name == "Unknown" ? partyTypes.GetValueOrDefault(subType.PartyTypeId, "unknown") : subType.Name;
            return name.ToLowerInvariant();
        }

        // OFAC's "Last, First Middle": Spanish names carry their surnames as Patronymic + Matronymic, while a
        // Russian patronymic next to a Last Name belongs with the given names.
        private string FormatName(Node name, Dictionary<string, string> partTypes, bool isIndividual)
        {
            var parts = new List<(string Type, string Value)>();
            foreach (var part in name.Descendants("NamePartValue"))
            {
                var text = part.Text.Trim();
                if (text.Length > 0)
                {
                    parts.Add((partTypes.GetValueOrDefault(part["NamePartGroupID"] ?? "", ""), text));
                }
            }

            if (!isIndividual || parts.All(p => p.Type is not ("Last Name" or "First Name" or "Middle Name" or "Patronymic" or "Matronymic" or "Maiden Name")))
            {
                return string.Join(' ', parts.Select(p => p.Value));
            }

            var hasLast = parts.Any(p => p.Type == "Last Name");
            var surname = new List<string>();
            var given = new List<string>();
            string[] surnameOrder = hasLast ? ["Last Name", "Maiden Name", "Matronymic"] : ["Patronymic", "Matronymic", "Maiden Name"];
            foreach (var type in surnameOrder)
            {
                surname.AddRange(parts.Where(p => p.Type == type).Select(p => p.Value));
            }

            string[] givenOrder = hasLast ? ["First Name", "Middle Name", "Patronymic"] : ["First Name", "Middle Name"];
            foreach (var type in givenOrder)
            {
                given.AddRange(parts.Where(p => p.Type == type).Select(p => p.Value));
            }

            given.AddRange(parts.Where(p => p.Type == "Nickname").Select(p => p.Value));
            if (surname.Count == 0 || given.Count == 0)
            {
                return string.Join(' ', surname.Concat(given));
            }

            return string.Join(' ', surname) + ", " + string.Join(' ', given);
        }

        private void AddDetail(List<string> target, Node version)
        {
            if (version.Child("VersionDetail")?.Text.Trim() is { Length: > 0 } text)
            {
                AddDistinct(target, text);
            }
        }

        // A birth date is a period: Start/From is the earliest and End/To the latest possible day. A single day,
        // a whole month, a whole year or a span of whole years is written the way OFAC prints it.
        private string? FormatDatePeriod(Node period)
        {
            var startFrom = period.Child("Start")?.Child("From");
            var endTo = period.Child("End")?.Child("To");
            if (startFrom is null || endTo is null)
            {
                return null;
            }

            var earliest = ReadYmd(startFrom);
            var latest = ReadYmd(endTo);
            string text;
            if (earliest == latest)
            {
                text = FormatDate(earliest);
            }
            else if (earliest is { Month: 1, Day: 1 } && latest is { Month: 12, Day: 31 })
            {
                text = earliest.Year == latest.Year
                    ? earliest.Year.ToString(CultureInfo.InvariantCulture)
                    : $"{earliest.Year}..{latest.Year}";
            }
            else if (earliest.Year == latest.Year && earliest.Month == latest.Month && earliest.Day == 1
                     && latest.Day == DateTime.DaysInMonth(latest.Year, latest.Month))
            {
                text = earliest.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            }
            else
            {
                text = FormatDate(earliest) + ".." + FormatDate(latest);
            }

            return period.Child("Start")?["Approximate"] == "true" ? "circa " + text : text;
        }

        private static DateOnly ReadYmd(Node element) =>
            new(ReadInt(element.Child("Year")) ?? 1, ReadInt(element.Child("Month")) ?? 1, ReadInt(element.Child("Day")) ?? 1);

        private static int? ReadInt(Node? element) =>
            element is not null && int.TryParse(element.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;

        private static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        private static void AddDistinct(List<string> list, string value)
        {
            if (!list.Contains(value))
            {
                list.Add(value);
            }
        }
    }
}
