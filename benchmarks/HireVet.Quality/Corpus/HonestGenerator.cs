using HireVet.Application.Candidates;
using HireVet.Application.Dossiers;

namespace HireVet.Quality.Corpus;

/// <summary>Honest candidates, each with at most one of the hard cases a careless ruleset flags: a consumer VPN,
/// Apple's relay, travel abroad, relatives at one address, pay through Wise or Payoneer, a transliterated name, living
/// abroad, a recent move, a second job. Everything else about them agrees, as it does for honest people.</summary>
public sealed partial class HonestGenerator(CorpusContext ctx, PersonFactory people)
{
    private Random Rng => ctx.Rng;

    public IReadOnlyList<Labelled> Generate(int count)
    {
        var all = new List<Labelled>();
        foreach (var (category, share) in HardCases.Mix)
        {
            var quota = (int)Math.Round(share * count);
            while (quota > 0)
            {
                var made = Make(category, quota);
                all.AddRange(made);
                quota -= made.Count;
            }
        }
        return ReferPeers(all);
    }

    /// <summary>Honest people refer each other too: one in twenty was referred by another honest candidate, recorded by
    /// candidate id, so a false positive on the referrer reaches the candidates they referred.</summary>
    private List<Labelled> ReferPeers(List<Labelled> all)
    {
        for (var i = 0; i < all.Count; i++)
        {
            if (Rng.NextDouble() >= 0.05) continue;
            var referrer = all[Rng.Next(all.Count)];
            if (referrer.ExternalId == all[i].ExternalId) continue;
            all[i] = all[i] with
            {
                Dossier = all[i].Dossier with { ReferredBy = referrer.Dossier.LegalName, ReferrerId = referrer.ExternalId },
            };
        }
        return all;
    }

    private List<Labelled> Make(string category, int left) => category switch
    {
        HardCases.Relatives => Household(Math.Min(left, Rng.NextDouble() < 0.6 ? 2 : 3)),
        _ => [One(category)],
    };

    private Labelled One(string category)
    {
        var home = Countries.Weighted(Rng, Countries.HomeMix);
        var name = HardCases.TiesAbroad.Contains(category) ? Names.Of(Rng, UnevenOrigin()) : Names.Random(Rng);
        var person = category switch
        {
            HardCases.Transliterated => people.Create(home, forms: TransliteratedForms()),
            HardCases.LivingAbroad => LivingAbroad(name),
            HardCases.Relocation => Relocated(home, name),
            HardCases.ImmigrantPhone => ImmigrantPhone(home, name),
            HardCases.NameChange => ChangedName(home),
            _ => people.Create(home, name),
        };
        var d = category switch
        {
            HardCases.ApplePrivateRelay => Replace(person.Dossier, Rng.Next(1, 4), () => ctx.Ips.ApplePrivateRelay(Rng)),
            HardCases.VpnUser => VpnUser(person.Dossier),
            HardCases.Traveller => Traveller(person),
            HardCases.WisePayoneer => person.Dossier with { PayrollDestination = WiseOrPayoneer(person) },
            HardCases.Moonlighting => SecondJob(person.Dossier),
            HardCases.SingleSessionAbroad => SingleSessionAbroad(person),
            HardCases.DualCitizenBank => DualCitizenBank(person),
            HardCases.CompanyVpn => CompanyVpn(person.Dossier),
            HardCases.TravelRouter => TravelRouter(person),
            HardCases.ColleagueReference => ColleagueReference(person),
            _ => person.Dossier,
        };
        return Label(d, person, category);
    }

    private Labelled Label(SubmitCandidate.Command d, Person person, string category) => new()
    {
        Dossier = WebcamTrouble(d with
        {
            LegalName = person.Name.Form(person.Forms.Legal),
            OtherNames = person.Forms.DeclaresMaiden ? [person.Name.Form(NameForm.Maiden)] : d.OtherNames,
        }), IsRingMember = false, Category = category, Name = person.Name, Forms = person.Forms,
    };

    /// <summary>Honest people have camera trouble too: one interview in 30 is held without video, whatever the case.</summary>
    private SubmitCandidate.Command WebcamTrouble(SubmitCandidate.Command d) =>
        Rng.NextDouble() < 0.03 ? d with { Interviews = [d.Interviews![0] with { CameraOn = false }, .. d.Interviews.Skip(1)] } : d;

    /// <summary>Payee, document and shipping names in another spelling of the same name; a quarter declare it.</summary>
    private NameForms TransliteratedForms() => new(
        NameForm.Variant,
        Rng.NextDouble() < 0.7 ? NameForm.Document : NameForm.Variant,
        Rng.NextDouble() < 0.5 ? NameForm.Plain : NameForm.Variant,
        Rng.NextDouble() < 0.25);

    /// <summary>A few sign-ins (and sometimes an interview) through a consumer VPN; the rest from home.</summary>
    private SubmitCandidate.Command VpnUser(SubmitCandidate.Command d)
    {
        d = Replace(d, Rng.Next(1, 4), () => ctx.Ips.Vpn(Rng));
        if (Rng.NextDouble() < 0.2) d = d with { Interviews = [.. d.Interviews!.Select(i => i with { Ip = ctx.Ips.Vpn(Rng) })] };
        return d;
    }

    private SubmitCandidate.Command Replace(SubmitCandidate.Command d, int count, Func<string> ip)
    {
        var observations = d.NetworkObservations!.ToArray();
        foreach (var i in Enumerable.Range(0, observations.Length).OrderBy(_ => Rng.Next()).Take(count))
            observations[i] = observations[i] with { Ip = ip() };
        return d with { NetworkObservations = observations };
    }

    /// <summary>A trip of 3 to 10 days to one or two countries, days before or after the home sign-ins; the laptop's
    /// clock follows the trip in half the cases, as operating systems do by default.</summary>
    private SubmitCandidate.Command Traveller(Person person)
    {
        var d = person.Dossier;
        var start = Rng.Next(8, 30);
        var length = Rng.Next(3, 11);
        var stops = Enumerable.Range(0, Rng.NextDouble() < 0.2 ? 2 : 1)
            .Select(_ => Country.Pick(Rng, Countries.TravelDestinations.Where(c => c != person.Home).ToArray())).Distinct().ToArray();
        var followsTrip = Rng.NextDouble() < 0.5;
        var abroad = Enumerable.Range(0, Rng.Next(2, 5)).Select(k =>
        {
            var stop = stops[Math.Min(stops.Length - 1, k * stops.Length / 4)];
            var city = Country.Pick(Rng, stop.Cities);
            var daysAgo = start - k * length / 4;
            return new NetworkObservation
            {
                Ip = ctx.Ips.Residential(Rng, stop), ObservedAt = people.LocalWorkingTime(city.TimeZone, daysAgo),
                Context = "assessment", UserAgent = d.NetworkObservations![0].UserAgent,
                DeviceTimeZone = followsTrip ? city.TimeZone : d.NetworkObservations[0].DeviceTimeZone,
            };
        });
        // Home sign-ins are not during the trip (a day either side).
        var tripFrom = ctx.Now.AddDays(-start - 1);
        var tripTo = ctx.Now.AddDays(-start + length + 1);
        var home = d.NetworkObservations!.Where(o => o.ObservedAt < tripFrom || o.ObservedAt > tripTo);
        var interviews = d.Interviews!.Where(i => i.At < tripFrom || i.At > tripTo).ToArray();
        return d with
        {
            NetworkObservations = [.. home.Concat(abroad).OrderBy(o => o.ObservedAt)],
            Interviews = interviews.Length > 0 ? interviews : [new Interview { At = tripTo.AddDays(2), CameraOn = true, Ip = person.HomeIps[0] }],
        };
    }

    /// <summary>Two or three relatives at one residence and one shipping address, with their own accounts, phones and
    /// resumes. Most use the same home connection, as a household does.</summary>
    private List<Labelled> Household(int size)
    {
        var home = Countries.Weighted(Rng, Countries.HomeMix);
        var city = Country.Pick(Rng, home.Cities);
        var residence = people.Address(home, city);
        var sharedWifi = Rng.NextDouble() < 0.65 ? new[] { ctx.Ips.Residential(Rng, home) } : null;
        var first = Names.Random(Rng);
        var sameFamily = Rng.NextDouble() < 0.6;
        return [.. Enumerable.Range(0, size).Select(i =>
        {
            var name = i == 0 || !sameFamily ? (i == 0 ? first : Names.Random(Rng)) : Names.Of(Rng, first.Origin, first.Family);
            var person = people.Create(home, name, city: city, residence: residence, homeIps: sharedWifi);
            return Label(person.Dossier, person, HardCases.Relatives);
        })];
    }

    /// <summary>Wise or Payoneer in the candidate's own name: Wise's US account details (Community Federal Savings
    /// Bank), its Belgian IBAN in the EEA or its UK account in the UK; Payoneer by account email.</summary>
    private PayrollDestination WiseOrPayoneer(Person person)
    {
        var d = person.Dossier;
        var holder = d.PayrollDestination!.AccountHolderName;
        if (Rng.NextDouble() < 0.4)
            return new PayrollDestination { Method = "payment_platform", Platform = "Payoneer", AccountHolderName = holder, PlatformAccountEmail = d.Email };
        var bank = person.Home.Code switch
        {
            "US" => new Bank("Community Federal Savings Bank", "CMFGUS33", "US", Routing: "026073150"),
            "GB" => new Bank("Wise Payments Limited", "TRWIGB2L", "GB", "TRWI231470"),
            "CA" => new Bank("Wise Payments Canada", "TRWICAW1", "CA", Routing: "062100008"),
            _ => new Bank("Wise Europe SA", "TRWIBEB1", "BE", "967"),
        };
        return people.BankAccount(bank, holder!) with { Method = "payment_platform", Platform = "Wise", PlatformAccountEmail = d.Email };
    }

    /// <summary>Freelance work alongside the current job for over a year (people moonlight).</summary>
    private SubmitCandidate.Command SecondJob(SubmitCandidate.Command d)
    {
        var start = ctx.Today.AddMonths(-Rng.Next(14, 36));
        var (employer, domain) = people.Company();
        var side = new Employment
        {
            Employer = employer, EmployerDomain = domain, Title = "Contract developer", StartedOn = start,
            EndedOn = Rng.NextDouble() < 0.5 ? null : ctx.Today.AddMonths(-Rng.Next(0, 2)),
        };
        return d with { EmploymentHistory = [.. d.EmploymentHistory!, side] };
    }

    /// <summary>Lives and works in another country (residence, IPs, time zone all there), with a passport from home
    /// or a local residence permit, and often a bank account or phone number kept from home.</summary>
    private Person LivingAbroad(PersonName name)
    {
        var abroad = Country.Pick(Rng, Countries.Abroad);
        var origin = Countries.Weighted(Rng, [(Countries.US, 0.6), (Countries.GB, 0.15), (Countries.CA, 0.1), (Countries.IE, 0.05), (Countries.PL, 0.1)]);
        var person = people.Create(abroad, name);
        var d = person.Dossier;
        var document = Rng.NextDouble() < 0.5
            ? new IdentityDocument
            {
                Type = "passport", IssuingCountry = origin.Code, Number = ctx.Unique("document", () => $"{Rng.Next(100_000_000, 999_999_999)}"),
                NameOnDocument = d.IdentityDocument!.NameOnDocument, DateOfBirth = d.DateOfBirth, ExpiresOn = d.IdentityDocument.ExpiresOn,
            }
            : d.IdentityDocument! with { Type = "residence_permit", Address = d.ClaimedResidence };
        d = d with { IdentityDocument = document };
        if (Rng.NextDouble() < 0.4) d = d with { PayrollDestination = people.BankAccount(origin, d.PayrollDestination!.AccountHolderName!) };
        if (Rng.NextDouble() < 0.3) d = d with { Phone = ctx.Unique("phone", () => origin.Phone(Rng, Country.Pick(Rng, origin.Cities))) };
        return person with { Dossier = d };
    }

    /// <summary>Moved recently: the identity document still shows the old address (in another city, or another
    /// country for a quarter), residence and shipping are the new one; the phone, and sometimes the bank, are old.</summary>
    private Person Relocated(Country home, PersonName name)
    {
        var person = people.Create(home, name);
        var d = person.Dossier;
        var international = Rng.NextDouble() < 0.25;
        var from = international ? Country.Pick(Rng, Countries.All.Where(c => c != home && c.Code is "GB" or "DE" or "CA" or "IE" or "US").ToArray()) : home;
        var oldCity = Country.Pick(Rng, from.Cities.Where(c => c != person.City).ToArray());
        var oldAddress = people.Address(from, oldCity);
        var document = people.Document(from, person.Name, person.Forms, d.DateOfBirth!.Value, oldAddress) with
        {
            Address = oldAddress, // a licence or ID card from before the move, with the old address
            Type = from.Document.HasAddress ? from.Document.Type : "driver_licence",
        };
        d = d with { IdentityDocument = document };
        if (Rng.NextDouble() < 0.6) d = d with { Phone = ctx.Unique("phone", () => from.Phone(Rng, oldCity)) };
        if (international)
        {
            if (Rng.NextDouble() < 0.4) d = d with { PayrollDestination = people.BankAccount(from, d.PayrollDestination!.AccountHolderName!) };
            // Applied before moving: the first sign-ins come from the old country, weeks ago.
            var before = Enumerable.Range(0, Rng.Next(1, 3)).Select(_ => new NetworkObservation
            {
                Ip = ctx.Ips.Residential(Rng, from), ObservedAt = people.LocalWorkingTime(oldCity.TimeZone, Rng.Next(45, 60)),
                Context = "application", UserAgent = d.NetworkObservations![0].UserAgent, DeviceTimeZone = oldCity.TimeZone,
            });
            d = d with { NetworkObservations = [.. before.Concat(d.NetworkObservations!).OrderBy(o => o.ObservedAt)] };
        }
        return person with { Dossier = d };
    }
}
