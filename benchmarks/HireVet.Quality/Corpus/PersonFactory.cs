using HireVet.Application.Candidates;
using HireVet.Application.Common.Security;
using HireVet.Application.Dossiers;
using HireVet.Application.Dossiers.Addresses;

namespace HireVet.Quality.Corpus;

/// <summary>A consistent candidate: name, document, residence, contact details, work history, resume, payroll,
/// shipping and a few weeks of sign-ins, all agreeing with each other as an honest applicant's do. The honest
/// generator then adds one hard case; the ring generator starts from the stolen or borrowed identity this describes.
/// Made-up employer names that happen to be SDN names ("Falcon Systems" is an IRAQ2 entity) are skipped: that would be
/// the generator's small vocabulary speaking, not the candidates.</summary>
public sealed class PersonFactory(CorpusContext ctx, Func<string, bool> isListed)
{
    public static readonly string[] Roles =
        ["Backend engineer", "Full-stack developer", "Frontend engineer", "Data engineer", "DevOps engineer", "Mobile developer",
         "Site reliability engineer", "Machine learning engineer", "QA automation engineer", "Platform engineer"];
    private static readonly string[] Sources = ["Greenhouse", "Lever", "Workday", "LinkedIn", "Indeed", "Wellfound", "Staffing agency", "Company website"];
    private static readonly string[] Titles =
        ["Software Engineer", "Senior Software Engineer", "Backend Engineer", "Full-Stack Developer", "Data Engineer", "DevOps Engineer",
         "Mobile Developer", "Frontend Engineer", "Site Reliability Engineer", "Staff Engineer", "Engineering Lead"];
    private static readonly string[] CompanyWords =
        ["Blue", "North", "Bright", "Silverline", "Red", "Cedar", "Granite", "Summit", "Harbor", "Nimbus", "Atlas", "Beacon", "Lumen",
         "Vertex", "Orchid", "Falcon", "Copper", "Ember", "Prairie", "Tidal", "Maple", "Keystone", "Juniper", "Solstice", "Meridian"];
    private static readonly string[] CompanyNouns =
        ["Analytics", "Labs", "Software", "Systems", "Health", "Logistics", "Payments", "Media", "Robotics", "Data", "Cloud", "Networks",
         "Learning", "Commerce", "Bio", "Energy", "Security", "Mobility", "Foods", "Insurance"];
    public static readonly string[] UserAgents =
    [
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/128.0.0.0 Safari/537.36",
        "Mozilla/5.0 (X11; Linux x86_64; rv:129.0) Gecko/20100101 Firefox/129.0",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/127.0.0.0 Safari/537.36 Edg/127.0.0.0",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1",
    ];
    private static readonly string[] Contexts = ["application", "assessment", "interview scheduling", "offer portal", "onboarding"];

    private Random Rng => ctx.Rng;

    /// <summary>A person living in <paramref name="home"/>; <paramref name="residence"/> is given for a household.</summary>
    public Person Create(Country home, PersonName? name = null, NameForms? forms = null, City? city = null, PostalAddress? residence = null,
        IReadOnlyList<string>? homeIps = null)
    {
        name ??= Names.Random(Rng);
        forms ??= BaselineForms();
        city ??= Country.Pick(Rng, home.Cities);
        residence ??= Address(home, city);
        var dob = ctx.Today.AddYears(-Rng.Next(23, 58)).AddDays(-Rng.Next(365));
        var role = Country.Pick(Rng, Roles);
        var jobs = Jobs(dob);
        var education = new Education
        {
            Institution = Country.Pick(Rng, home.Universities), Degree = Resumes.Degree(Rng),
            StartedOn = new DateOnly(dob.Year + 18, 9, 1), EndedOn = new DateOnly(dob.Year + 22, 6, 15),
        };
        var ips = homeIps?.ToList() ?? [ctx.Ips.Residential(Rng, home)];
        if (homeIps is null && Rng.NextDouble() < 0.25) ips.Add(ctx.Ips.Residential(Rng, home)); // a new lease from the ISP, or a phone
        var deviceZone = Rng.NextDouble() < 0.15 ? TimeZones.Neighbour(Rng, city.TimeZone) : city.TimeZone;
        var email = Email(name, home);

        var dossier = new SubmitCandidate.Command
        {
            ExternalId = ctx.ExternalId(),
            Source = Country.Pick(Rng, Sources),
            Role = role,
            LegalName = name.Legal,
            OtherNames = forms.DeclaresVariant ? [name.Variant] : null,
            DateOfBirth = dob,
            Email = email,
            Phone = ctx.Unique("phone", () => home.Phone(Rng, city)),
            ClaimedResidence = residence,
            ClaimedTimeZone = city.TimeZone,
            IdentityDocument = Document(home, name, forms, dob, residence),
            Profiles = Profiles(name),
            EmploymentHistory = jobs,
            Education = [education],
            References = References(jobs),
            ResumeText = Resumes.Write(Rng, role, jobs, education),
            NetworkObservations = Observations(city.TimeZone, Enumerable.Range(0, Rng.Next(3, 7)).Select(_ => (Country.Pick(Rng, ips), deviceZone))),
            Interviews = Interviews(city.TimeZone, ips[0]),
            PayrollDestination = BankAccount(home, name.Form(forms.Payee)),
            EquipmentShipping = new EquipmentShipping { RecipientName = name.Form(forms.Shipping), Address = residence },
            ReferredBy = Rng.NextDouble() < 0.12 ? Names.Random(Rng).Legal : null, // an employee's referral
        };
        return new Person(dossier, name, forms, home, city, ips);
    }

    /// <summary>Most people's payee and shipping names are their legal name; documents print upper case, family first.</summary>
    public NameForms BaselineForms() => new(
        Rng.NextDouble() < 0.8 ? NameForm.Exact : NameForm.Plain,
        Rng.NextDouble() switch { < 0.6 => NameForm.Document, < 0.85 => NameForm.Exact, _ => NameForm.WithMiddle },
        Rng.NextDouble() < 0.9 ? NameForm.Exact : NameForm.Plain,
        false);

    /// <summary>A new address: unique per household, since strangers at one address would be a link the corpus did
    /// not intend.</summary>
    public PostalAddress Address(Country country, City city)
    {
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var a = country.Address(Rng, city);
            if (ctx.Reserve("address", AddressNormalizer.Normalize(new AddressParts(a.Line1, a.Line2, a.City, a.Region, a.PostalCode, a.Country))))
                return a;
        }
        throw new InvalidOperationException($"Could not make a new address in {city.Name} in 1,000 tries.");
    }

    public string Email(PersonName name, Country home)
    {
        var (g, f) = name.Ascii;
        return ctx.Unique("email", () => Rng.Next(4) switch
        {
            0 => $"{g}.{f}",
            1 => $"{g}{f}{Rng.Next(1, 99)}",
            2 => $"{g[0]}{f}{Rng.Next(60, 100)}",
            _ => $"{g}.{f}.{Rng.Next(1, 999)}",
        } + "@" + Country.Pick(Rng, home.EmailDomains));
    }

    public IdentityDocument Document(Country issuer, PersonName name, NameForms forms, DateOnly dob, PostalAddress? address) => new()
    {
        Type = issuer.Document.Type,
        IssuingCountry = issuer.Code,
        Number = ctx.Unique("document", () => issuer.Document.Number(Rng)),
        NameOnDocument = name.Form(forms.Document),
        DateOfBirth = dob,
        Address = issuer.Document.HasAddress ? address : null,
        ExpiresOn = ctx.Today.AddDays(Rng.Next(200, 3000)),
    };

    public PayrollDestination BankAccount(Country country, string holder) => BankAccount(Country.Pick(Rng, country.Banks), holder);

    public PayrollDestination BankAccount(Bank bank, string holder)
    {
        var pay = new PayrollDestination { Method = "bank_transfer", AccountHolderName = holder, BankName = bank.Name, BankCountry = bank.Country };
        if (bank.Routing is { } routing)
            return pay with { RoutingNumber = routing, AccountNumber = ctx.Unique("account", () => Banking.Digits(Rng, Rng.Next(9, 13))),
                              Bic = bank.Country == "US" ? null : bank.Bic };
        if (bank.IbanBankCode is { } code && Banking.UsesIban(bank.Country))
            return pay with { Iban = ctx.Unique("iban", () => Banking.Iban(Rng, bank.Country, code)), Bic = bank.Bic };
        return pay with { AccountNumber = ctx.Unique("account", () => Banking.Digits(Rng, Rng.Next(10, 15))), Bic = bank.Bic };
    }

    private Employment[] Jobs(DateOnly dob)
    {
        var jobs = new List<Employment>();
        var start = new DateOnly(dob.Year + 22, Rng.Next(1, 13), 1);
        var count = Rng.Next(2, 5);
        for (var i = 0; i < count && start < ctx.Today.AddMonths(-3); i++)
        {
            var end = start.AddMonths(Rng.Next(14, 60));
            var current = i == count - 1 || end >= ctx.Today;
            var (employer, domain) = Company();
            jobs.Add(new Employment
            {
                Employer = employer, EmployerDomain = domain, Title = Country.Pick(Rng, Titles),
                StartedOn = start, EndedOn = current ? null : end,
            });
            if (current) break;
            start = end.AddMonths(Rng.Next(0, 4));
        }
        return [.. jobs];
    }

    public (string Name, string Domain) Company()
    {
        while (true)
        {
            var word = Country.Pick(Rng, CompanyWords);
            var noun = Country.Pick(Rng, CompanyNouns);
            var name = $"{word} {noun}{Country.Pick(Rng, new[] { "", " Inc.", " LLC", " Corp." })}";
            if (!isListed(name)) return (name, $"{word}{noun}".ToLowerInvariant() + Country.Pick(Rng, new[] { ".com", ".com", ".io", ".co" }));
        }
    }

    private Reference[] References(Employment[] jobs) =>
    [
        .. jobs.OrderBy(_ => Rng.Next()).Take(Rng.Next(1, Math.Min(3, jobs.Length) + 1)).Select(job =>
        {
            var person = Names.Random(Rng);
            var (g, f) = person.Ascii;
            // Most references write from the employer's domain; some from webmail (they have moved on).
            var domain = Rng.NextDouble() < 0.75 ? job.EmployerDomain : Country.Pick(Rng, new[] { "gmail.com", "outlook.com", "yahoo.com" });
            return new Reference { Name = person.Legal, Email = $"{g}.{f}@{domain}", Employer = job.Employer, Relationship = "former manager" };
        }),
    ];

    private DeveloperProfile[] Profiles(PersonName name)
    {
        var (g, f) = name.Ascii;
        var profiles = new List<DeveloperProfile>();
        if (Rng.NextDouble() < 0.8)
        {
            var handle = ctx.Unique("handle", () => $"{g}{f}{(Rng.Next(2) == 0 ? "" : Rng.Next(1, 99).ToString())}");
            var created = ctx.Today.AddDays(-Rng.Next(700, 4500));
            profiles.Add(new DeveloperProfile
            {
                Kind = "github", Handle = handle, Url = $"https://github.com/{handle}", DisplayName = name.Legal,
                CreatedOn = created, EarliestActivityOn = created.AddDays(Rng.Next(0, 300)),
            });
        }
        if (Rng.NextDouble() < 0.7)
            profiles.Add(new DeveloperProfile { Kind = "linkedin", Url = $"https://www.linkedin.com/in/{g}-{f}-{Rng.Next(1000, 9999)}", DisplayName = name.Legal });
        return [.. profiles];
    }

    /// <summary>Sign-ins over the last weeks, at local working hours in <paramref name="zone"/>.</summary>
    public NetworkObservation[] Observations(string zone, IEnumerable<(string Ip, string DeviceZone)> seen) =>
    [
        .. seen.Select(s => new NetworkObservation
        {
            Ip = s.Ip, ObservedAt = LocalWorkingTime(zone, Rng.Next(1, 40)), Context = Country.Pick(Rng, Contexts),
            UserAgent = Country.Pick(Rng, UserAgents), DeviceTimeZone = s.DeviceZone,
        }).OrderBy(o => o.ObservedAt),
    ];

    public Interview[] Interviews(string zone, string ip) =>
        [.. Enumerable.Range(0, Rng.Next(1, 3)).Select(_ => new Interview { At = LocalWorkingTime(zone, Rng.Next(1, 30)), CameraOn = true, Ip = ip })];

    public DateTimeOffset LocalWorkingTime(string zone, int daysAgo)
    {
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var day = TimeZoneInfo.ConvertTime(ctx.Now, tz).Date.AddDays(-daysAgo);
        var local = day.AddHours(Rng.Next(8, 19)).AddMinutes(Rng.Next(60));
        return new DateTimeOffset(local, tz.GetUtcOffset(local)).ToUniversalTime();
    }
}

/// <summary>A generated person: the dossier and what the generators need to vary it.</summary>
public sealed record Person(SubmitCandidate.Command Dossier, PersonName Name, NameForms Forms, Country Home, City City, List<string> HomeIps);
