using HireVet.Application.Candidates;
using HireVet.Application.Dossiers;

namespace HireVet.Quality.Corpus;

/// <summary>Fraud rings of 3 to 8 members, each built from 2 to 4 documented tactics (and rarely a sign-in from the
/// DPRK's own address block). Members are stolen or borrowed US identities that look like honest applicants; a tactic
/// reaches only some members, so some members are tied to the ring by a single shared identifier and some by none.</summary>
public sealed class RingGenerator(CorpusContext ctx, PersonFactory people, Sanctioned sanctioned)
{
    private static readonly (int Size, double Weight)[] Sizes = [(3, 0.2), (4, 0.2), (5, 0.18), (6, 0.16), (7, 0.13), (8, 0.13)];
    private static readonly string[] PayrollTactics = [Tactics.SanctionedWallet, Tactics.PrcBank, Tactics.MulePayroll];

    /// <summary>Real PRC and Hong Kong banks (BIC), as the advisories' "PRC-based bank accounts".</summary>
    private static readonly Bank[] PrcBanks =
    [
        new("Bank of China", "BKCHCNBJ", "CN"), new("Industrial and Commercial Bank of China", "ICBKCNBJ", "CN"),
        new("Agricultural Bank of China", "ABOCCNBJ", "CN"), new("China Construction Bank", "PCBCCNBJ", "CN"),
        new("HSBC Hong Kong", "HSBCHKHH", "HK"), new("Bank of China (Hong Kong)", "BKCHHKHH", "HK"),
        new("Standard Chartered Bank (Hong Kong)", "SCBLHKHH", "HK"),
    ];

    /// <summary>Neobanks where accounts open online with a stolen identity's details (valid ABA routing numbers).</summary>
    private static readonly Bank[] Neobanks =
    [
        new("The Bancorp Bank (Chime)", "", "US", Routing: "031101279"), new("Stride Bank (Chime)", "", "US", Routing: "103100195"),
        new("Sutton Bank (Cash App)", "", "US", Routing: "041215663"), new("Green Dot Bank", "", "US", Routing: "124303120"),
        new("Evolve Bank & Trust", "", "US", Routing: "084106768"),
    ];

    private Random Rng => ctx.Rng;
    // For the nested Resources class (primary-constructor parameters are not visible there).
    private CorpusContext Ctx => ctx;
    private PersonFactory People => people;
    private Sanctioned Lists => sanctioned;

    public IReadOnlyList<Labelled> Generate(int rings) => [.. Enumerable.Range(1, rings).SelectMany(Ring)];

    private IEnumerable<Labelled> Ring(int ring)
    {
        var size = PickSize();
        var tactics = Tactics.Pool.OrderBy(_ => Rng.Next()).Take(Rng.Next(2, 5)).ToList();
        if (Rng.NextDouble() < 0.06) tactics.Add(Tactics.DprkIp);
        var assigned = Assign(tactics, size);
        var resources = new Resources(this, voipNumbers: assigned.Count(a => a.Contains(Tactics.SharedVoip)) >= 4 ? 2 : 1);
        var members = Enumerable.Range(0, size).Select(_ => people.Create(Countries.US)).ToArray();

        for (var i = 0; i < size; i++)
        {
            var d = members[i].Dossier with { PayrollDestination = OwnAccount(members[i].Dossier.PayrollDestination!.AccountHolderName!) };
            foreach (var tactic in assigned[i]) d = Apply(tactic, d, members, i, resources);
            // Several reports describe camera refusals (INT-01).
            if (Rng.NextDouble() < 0.3) d = d with { Interviews = [.. d.Interviews!.Select(x => x with { CameraOn = false })] };
            yield return new Labelled
            {
                Dossier = d, IsRingMember = true, Category = "ring", Ring = ring, Tactics = assigned[i],
                Name = members[i].Name, Forms = members[i].Forms,
            };
        }
    }

    private int PickSize()
    {
        var x = Rng.NextDouble();
        foreach (var (s, w) in Sizes) if ((x -= w) < 0) return s;
        return 8;
    }

    /// <summary>Which members each tactic reaches: by its reach, one payroll tactic per member at most, shared
    /// resources used by at least two members, and every member touched by at least one tactic.</summary>
    private List<string>[] Assign(List<string> tactics, int size)
    {
        var assigned = Enumerable.Range(0, size).Select(_ => new List<string>()).ToArray();
        foreach (var t in tactics)
            for (var i = 0; i < size; i++)
                if (!(t == Tactics.ReferralChain && i == 0) && Rng.NextDouble() < Tactics.Reach(t)) assigned[i].Add(t);

        foreach (var member in assigned)
        {
            var payroll = member.Where(PayrollTactics.Contains).ToArray();
            foreach (var extra in payroll.OrderBy(_ => Rng.Next()).Skip(1)) member.Remove(extra);
        }

        foreach (var t in tactics.Where(Tactics.Shared.Contains))
        {
            var isPayroll = PayrollTactics.Contains(t);
            var free = Enumerable.Range(0, size).Where(i => !assigned[i].Contains(t) && (!isPayroll || !assigned[i].Any(PayrollTactics.Contains)))
                .OrderBy(_ => Rng.Next());
            var queue = new Queue<int>(free);
            while (assigned.Count(a => a.Contains(t)) < 2 && queue.Count > 0) assigned[queue.Dequeue()].Add(t);
        }

        for (var i = 0; i < size; i++)
        {
            if (assigned[i].Count > 0) continue;
            // The DPRK block alone would make the member trivial to find; it stays an extra.
            var options = tactics.Where(t => t != Tactics.DprkIp && !(t == Tactics.ReferralChain && i == 0)).ToArray();
            assigned[i].Add(options[Rng.Next(options.Length)]);
        }
        return assigned;
    }

    private SubmitCandidate.Command Apply(string tactic, SubmitCandidate.Command d, Person[] members, int i, Resources r)
    {
        var me = members[i];
        switch (tactic)
        {
            case Tactics.LaptopFarm:
                // The laptop goes to the facilitator's house; the member then works through it, from its connection.
                var recipient = Rng.NextDouble() < 0.4 ? r.Facilitator : me.Name.Form(me.Forms.Shipping);
                return d with
                {
                    EquipmentShipping = new EquipmentShipping { RecipientName = recipient, Address = r.FarmAddress },
                    NetworkObservations = [.. d.NetworkObservations!, .. people.Observations(me.City.TimeZone,
                        Enumerable.Range(0, Rng.Next(1, 4)).Select(_ => (r.FarmIp, d.NetworkObservations![0].DeviceTimeZone!)))],
                };
            case Tactics.MulePayroll:
                return d with { PayrollDestination = Rng.NextDouble() < 0.75 ? r.MuleAccount : people.BankAccount(Countries.US, r.Mule) };
            case Tactics.SanctionedWallet:
                var (ticker, address) = Rng.NextDouble() < 0.7 ? r.Wallet : sanctioned.Wallets[Rng.Next(sanctioned.Wallets.Count)];
                return d with { PayrollDestination = new PayrollDestination { Method = "crypto", WalletTicker = ticker, WalletAddress = address } };
            case Tactics.PrcBank:
                var holder = Rng.NextDouble() < 0.5 ? d.LegalName! : Country.Pick(Rng, Names.PrcProxyNames);
                return d with { PayrollDestination = Rng.NextDouble() < 0.3 ? r.PrcAccount : people.BankAccount(r.PrcBank, holder) };
            case Tactics.SharedVoip:
                // Numbers handed out in turn; there are two only when four or more members use them, so each is shared.
                return d with { Phone = r.VoipNumbers[r.VoipHandedOut++ % r.VoipNumbers.Length] };
            case Tactics.ReferralChain:
                // Each recruits the next; the applicant-tracking system records the referrer's candidate id.
                return d with { ReferredBy = members[i - 1].Dossier.LegalName, ReferrerId = members[i - 1].Dossier.ExternalId };
            case Tactics.FrontCompany:
                var first = d.EmploymentHistory!.Min(j => j.StartedOn)!.Value.First;
                var front = new Employment
                {
                    Employer = r.FrontCompany, Title = "Software Developer",
                    StartedOn = first.AddMonths(-Rng.Next(20, 40)), EndedOn = first.AddMonths(-Rng.Next(1, 4)),
                };
                return d with { EmploymentHistory = [front, .. d.EmploymentHistory!] };
            case Tactics.ReusedResume:
                return d with { ResumeText = Resumes.Edit(Rng, r.Resume, d.Role!) };
            case Tactics.VpnHosting:
                var observations = d.NetworkObservations!.ToArray();
                foreach (var k in Enumerable.Range(0, observations.Length).OrderBy(_ => Rng.Next()).Take(Rng.Next(1, 4)))
                    observations[k] = observations[k] with { Ip = Rng.NextDouble() < 0.7 ? ctx.Ips.Vpn(Rng) : ctx.Ips.Hosting(Rng) };
                return d with { NetworkObservations = observations };
            case Tactics.DeviceTimeZone:
                // Most sign-ins show the real clock; a careful worker resets it for some (never for all: then the
                // tactic would not have been applied at all).
                var clocks = d.NetworkObservations!.Select(o => Rng.NextDouble() < 0.75 ? o with { DeviceTimeZone = r.WorkerZone } : o).ToArray();
                if (clocks.All(o => o.DeviceTimeZone != r.WorkerZone))
                {
                    var reset = Rng.Next(clocks.Length);
                    clocks[reset] = clocks[reset] with { DeviceTimeZone = r.WorkerZone };
                }
                return d with { NetworkObservations = clocks };
            case Tactics.ForeignIsp:
                // The VPN dropped once: a sign-in straight from a Chinese or Russian ISP.
                return d with { NetworkObservations = [.. d.NetworkObservations!, Sighting(r.Mainland(), r.WorkerZone, me)] };
            case Tactics.BackdatedProfile:
                var handle = ctx.Unique("handle", () => $"{me.Name.Ascii.Given}-dev{Rng.Next(10, 999)}");
                var github = new DeveloperProfile
                {
                    Kind = "github", Handle = handle, Url = $"https://github.com/{handle}", DisplayName = d.LegalName,
                    CreatedOn = ctx.Today.AddDays(-Rng.Next(30, 200)), EarliestActivityOn = ctx.Today.AddDays(-Rng.Next(1000, 2500)),
                };
                return d with { Profiles = [github, .. d.Profiles!.Where(p => p.Kind != "github")] };
            case Tactics.SelfReference:
                // The member answers their own reference check, a former manager's, from the member's connection.
                var current = d.EmploymentHistory!.Where(j => j.EndedOn is null).Select(j => j.Employer).ToHashSet();
                var vouched = Array.FindIndex(d.References!, x => !current.Contains(x.Employer));
                var referee = vouched < 0 ? 0 : vouched;
                var references = d.References!.ToArray();
                references[referee] = references[referee] with
                {
                    SubmittedFrom = new NetworkSighting { Ip = Country.Pick(Rng, d.NetworkObservations!).Ip, At = ctx.Now.AddDays(-Rng.Next(1, 10)) },
                };
                return d with { References = references };
            case Tactics.DprkIp:
                return d with { NetworkObservations = [.. d.NetworkObservations!, Sighting(ctx.Ips.Dprk(Rng), r.WorkerZone, me)] };
            default:
                throw new InvalidOperationException($"Unknown tactic {tactic}.");
        }
    }

    private NetworkObservation Sighting(string ip, string zone, Person me) => new()
    {
        Ip = ip, ObservedAt = ctx.Now.AddDays(-Rng.Next(1, 30)).AddHours(-Rng.Next(24)), Context = "assessment",
        UserAgent = Country.Pick(Rng, PersonFactory.UserAgents), DeviceTimeZone = Rng.NextDouble() < 0.5 ? zone : me.City.TimeZone,
    };

    /// <summary>What a ring shares: the facilitator's house and connection, the mule's account, a wallet, a PRC bank
    /// account, a couple of VoIP numbers, a front company, one resume, the workers' clock.</summary>
    private sealed class Resources
    {
        public string Facilitator { get; }
        public PostalAddress FarmAddress { get; }
        public string FarmIp { get; }
        public string Mule { get; }
        public PayrollDestination MuleAccount { get; }
        public (string Ticker, string Address) Wallet { get; }
        public Bank PrcBank { get; }
        public PayrollDestination PrcAccount { get; }
        public string[] VoipNumbers { get; }
        public int VoipHandedOut { get; set; }
        public string FrontCompany { get; }
        public string Resume { get; }
        public string WorkerZone { get; }
        public Func<string> Mainland { get; }

        public Resources(RingGenerator g, int voipNumbers)
        {
            var rng = g.Rng;
            var farmCity = Country.Pick(rng, Countries.US.Cities);
            Facilitator = Names.Random(rng).Legal;
            FarmAddress = g.People.Address(Countries.US, farmCity);
            FarmIp = g.Ctx.Ips.Residential(rng, Countries.US);
            Mule = Names.Random(rng).Legal;
            MuleAccount = g.People.BankAccount(Country.Pick(rng, Neobanks.Concat(Countries.US.Banks).ToArray()), Mule);
            Wallet = g.Lists.Wallets[rng.Next(g.Lists.Wallets.Count)];
            PrcBank = Country.Pick(rng, PrcBanks);
            PrcAccount = g.People.BankAccount(PrcBank, Country.Pick(rng, Names.PrcProxyNames));
            VoipNumbers = [.. Enumerable.Range(0, voipNumbers).Select(_ =>
                g.Ctx.Unique("phone", () => Countries.US.Phone(rng, Country.Pick(rng, Countries.US.Cities))))];
            FrontCompany = Country.Pick(rng, Sanctioned.FrontCompanies);
            var author = g.People.Create(Countries.US); // the ring's template resume, written for a made-up history
            Resume = author.Dossier.ResumeText!;
            WorkerZone = Country.Pick(rng, TimeZones.Worker);
            var mainland = rng.NextDouble() < 0.75 ? "CN" : "RU";
            Mainland = () => g.Ctx.Ips.Mainland(rng, mainland);
        }
    }

    /// <summary>A stolen identity's own bank account is at a neobank more often than not.</summary>
    private PayrollDestination OwnAccount(string holder) =>
        people.BankAccount(Rng.NextDouble() < 0.6 ? Country.Pick(Rng, Neobanks) : Country.Pick(Rng, Countries.US.Banks), holder);
}
