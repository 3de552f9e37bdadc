using HireVet.Application.Candidates;
using HireVet.Application.Dossiers;

namespace HireVet.Quality.Corpus;

/// <summary>The honest hard cases of issue 16 that naive rules flag: one session during a trip, a bank in a second
/// country of citizenship, a company VPN or zero-trust gateway exiting from a data centre, a travel router tunnelling
/// home, a recent immigrant's foreign phone number, and married, maiden and preferred names.</summary>
public sealed partial class HonestGenerator
{
    /// <summary>Origins with more ties abroad in this corpus weigh double, so a rule that flags ties abroad shows up as
    /// a gap between origins. The weights are the corpus's stress test, not a claim about any group.</summary>
    private string UnevenOrigin()
    {
        (string Origin, double Weight)[] weights =
            [(Names.Korean, 2), (Names.Mexican, 2), (Names.Vietnamese, 2), (Names.Nigerian, 2), (Names.Irish, 1), (Names.CentralEuropean, 1)];
        var x = Rng.NextDouble() * weights.Sum(w => w.Weight);
        foreach (var (origin, weight) in weights)
            if ((x -= weight) < 0) return origin;
        return weights[^1].Origin;
    }

    /// <summary>The other country of someone's ties: often one their name's origin suggests where the corpus models it,
    /// otherwise any other.</summary>
    private Country TiesCountry(PersonName name, Country home)
    {
        Country? likely = name.Origin switch
        {
            Names.Korean => Countries.KR,
            Names.Mexican => Countries.MX,
            Names.CentralEuropean => Rng.Next(2) == 0 ? Countries.DE : Countries.PL,
            Names.Irish => Rng.Next(2) == 0 ? Countries.IE : Countries.GB,
            _ => null,
        };
        if (likely is not null && likely != home && Rng.NextDouble() < 0.7) return likely;
        return Country.Pick(Rng, Countries.All.Where(c => c != home && c != Countries.CN).ToArray());
    }

    /// <summary>One interview or one assessment taken during a trip, from a residential network abroad, the laptop's
    /// clock on that country's time; every other sighting from home, days before or after.</summary>
    private SubmitCandidate.Command SingleSessionAbroad(Person person)
    {
        var d = person.Dossier;
        var stop = Rng.NextDouble() < 0.5 ? TiesCountry(person.Name, person.Home) : Country.Pick(Rng, Countries.TravelDestinations.Where(c => c != person.Home).ToArray());
        var city = Country.Pick(Rng, stop.Cities);
        var daysAgo = Rng.Next(6, 25);
        var at = people.LocalWorkingTime(city.TimeZone, daysAgo);
        var ip = ctx.Ips.Residential(Rng, stop);
        var away = (From: at.AddDays(-2), To: at.AddDays(2));
        var home = d.NetworkObservations!.Where(o => o.ObservedAt < away.From || o.ObservedAt > away.To).ToArray();
        var interviews = d.Interviews!.Where(i => i.At < away.From || i.At > away.To).ToArray();
        var session = new NetworkObservation { Ip = ip, ObservedAt = at, Context = "assessment", UserAgent = d.NetworkObservations![0].UserAgent, DeviceTimeZone = city.TimeZone };
        if (Rng.NextDouble() < 0.5)
            return d with { NetworkObservations = [.. home.Append(session).OrderBy(o => o.ObservedAt)], Interviews = interviews.Length > 0 ? interviews : d.Interviews };
        // The interview from the trip; the scheduling page it was booked on saw the same connection and clock.
        return d with
        {
            NetworkObservations = [.. home.Append(session with { Context = "interview scheduling" }).OrderBy(o => o.ObservedAt)],
            Interviews = [.. interviews.Append(new Interview { At = at.AddMinutes(30), CameraOn = true, Ip = ip }).OrderBy(i => i.At)],
        };
    }

    /// <summary>A second citizenship's bank: pay into an account in the other country, sometimes with that country's
    /// phone number or a visit there too.</summary>
    private SubmitCandidate.Command DualCitizenBank(Person person)
    {
        var d = person.Dossier;
        var other = TiesCountry(person.Name, person.Home);
        d = d with { PayrollDestination = people.BankAccount(other, d.PayrollDestination!.AccountHolderName!) };
        if (Rng.NextDouble() < 0.3) d = d with { Phone = ctx.Unique("phone", () => other.Phone(Rng, Country.Pick(Rng, other.Cities))) };
        if (Rng.NextDouble() < 0.25)
        {
            var city = Country.Pick(Rng, other.Cities);
            var visit = new NetworkObservation
            {
                Ip = ctx.Ips.Residential(Rng, other), ObservedAt = people.LocalWorkingTime(city.TimeZone, Rng.Next(45, 90)),
                Context = "application", UserAgent = d.NetworkObservations![0].UserAgent, DeviceTimeZone = city.TimeZone,
            };
            d = d with { NetworkObservations = [.. d.NetworkObservations!.Append(visit).OrderBy(o => o.ObservedAt)] };
        }
        return d;
    }

    /// <summary>Applies from the work laptop: the employer's VPN or zero-trust gateway exits from a data centre.</summary>
    private SubmitCandidate.Command CompanyVpn(SubmitCandidate.Command d)
    {
        var gateway = ctx.Ips.Hosting(Rng);
        var observations = d.NetworkObservations!.ToArray();
        foreach (var i in Enumerable.Range(0, observations.Length).OrderBy(_ => Rng.Next()).Take(Rng.Next(1, Math.Min(4, observations.Length) + 1)))
            observations[i] = observations[i] with { Ip = gateway, Context = "work laptop" };
        return d with { NetworkObservations = observations };
    }

    /// <summary>On a trip with a travel router that tunnels home: every sighting is the home connection, but the laptop's
    /// clock follows the trip for its few days.</summary>
    private SubmitCandidate.Command TravelRouter(Person person)
    {
        var d = person.Dossier;
        var stop = Rng.NextDouble() < 0.5 ? TiesCountry(person.Name, person.Home) : Country.Pick(Rng, Countries.TravelDestinations.Where(c => c != person.Home).ToArray());
        var city = Country.Pick(Rng, stop.Cities);
        var start = Rng.Next(12, 30);
        var length = Rng.Next(3, 11);
        var from = ctx.Now.AddDays(-start - 1);
        var to = ctx.Now.AddDays(-start + length + 1);
        var home = d.NetworkObservations!.Where(o => o.ObservedAt < from || o.ObservedAt > to);
        var trip = Enumerable.Range(0, Rng.Next(1, 4)).Select(k => new NetworkObservation
        {
            Ip = Country.Pick(Rng, person.HomeIps), ObservedAt = people.LocalWorkingTime(city.TimeZone, start - k * length / 3),
            Context = "assessment", UserAgent = d.NetworkObservations![0].UserAgent, DeviceTimeZone = city.TimeZone,
        });
        var interviews = d.Interviews!.Where(i => i.At < from || i.At > to).ToArray();
        return d with
        {
            NetworkObservations = [.. home.Concat(trip).OrderBy(o => o.ObservedAt)],
            Interviews = interviews.Length > 0 ? interviews : [new Interview { At = to.AddDays(2), CameraOn = true, Ip = person.HomeIps[0] }],
        };
    }

    /// <summary>Arrived in the last year or two: lives, banks and connects in the new country, the phone number is still
    /// the old country's, and sometimes the bank too.</summary>
    private Person ImmigrantPhone(Country home, PersonName name)
    {
        var person = people.Create(home, name);
        var origin = TiesCountry(name, home);
        var d = person.Dossier with { Phone = ctx.Unique("phone", () => origin.Phone(Rng, Country.Pick(Rng, origin.Cities))) };
        if (Rng.NextDouble() < 0.3) d = d with { PayrollDestination = people.BankAccount(origin, d.PayrollDestination!.AccountHolderName!) };
        return person with { Dossier = d };
    }

    /// <summary>Married (document or bank account still in the maiden name, declared in four cases of ten) or known by
    /// a preferred name (the middle name as given name on the laptop's label, the legal name given in full).</summary>
    private Person ChangedName(Country home)
    {
        var name = Names.Random(Rng);
        NameForms forms;
        if (Rng.NextDouble() < 0.6)
        {
            name = name with { Maiden = Names.Of(Rng, name.Origin).Family };
            forms = new NameForms(Rng.NextDouble() < 0.5 ? NameForm.Maiden : NameForm.Exact, Rng.NextDouble() < 0.7 ? NameForm.MaidenDocument : NameForm.Document,
                NameForm.Exact, false) { DeclaresMaiden = Rng.NextDouble() < 0.4 };
        }
        else
            forms = new NameForms(NameForm.Exact, NameForm.Document, NameForm.Preferred, false) { Legal = NameForm.WithMiddle };
        return people.Create(home, name, forms);
    }

    /// <summary>Applies from the office, and a current colleague fills in the reference form on the same office
    /// connection (LINK-12 medium: colleagues share an office's network, never one device).</summary>
    private SubmitCandidate.Command ColleagueReference(Person person)
    {
        var d = person.Dossier;
        var office = ctx.Ips.Residential(Rng, person.Home);
        var current = d.EmploymentHistory!.Last();
        var colleague = Names.Random(Rng);
        var (g, f) = colleague.Ascii;
        var reference = new Reference
        {
            Name = colleague.Legal, Email = $"{g}.{f}@{current.EmployerDomain}", Employer = current.Employer, Relationship = "team lead",
            SubmittedFrom = new NetworkSighting { Ip = office, At = ctx.Now.AddDays(-Rng.Next(1, 10)) },
        };
        var atWork = d.NetworkObservations![0] with { Ip = office, Context = "application" };
        return d with
        {
            EmploymentHistory = [.. d.EmploymentHistory!.SkipLast(1), current with { EndedOn = null }],
            NetworkObservations = [atWork, .. d.NetworkObservations.Skip(1)],
            References = [reference, .. d.References!.Skip(1)],
        };
    }
}
