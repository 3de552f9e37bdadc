using System.Text;
using HireVet.Application.Dossiers;

namespace HireVet.Quality.Corpus;

/// <summary>Resume text from varied sentence templates with many slots, so that two honest resumes share little more
/// than stock phrases (the benchmark measures it), and a ring's reused resume: one text lightly edited per member.</summary>
public static class Resumes
{
    private static readonly string[] Tech =
    [
        "Go", "Rust", "Python", "TypeScript", "Java", "Kotlin", "C#", "Scala", "Elixir", "Ruby", "PHP", "Swift", "C++", "React", "Vue",
        "Angular", "Svelte", "Next.js", "Django", "Flask", "FastAPI", "Spring Boot", ".NET", "Rails", "Node.js", "GraphQL", "gRPC",
        "PostgreSQL", "MySQL", "Redis", "Cassandra", "DynamoDB", "MongoDB", "Elasticsearch", "Kafka", "RabbitMQ", "Spark", "Airflow",
        "dbt", "Snowflake", "BigQuery", "Kubernetes", "Terraform", "Ansible", "Docker", "AWS Lambda", "GCP", "Azure", "Prometheus",
        "Grafana", "OpenTelemetry", "Jenkins", "GitHub Actions", "ArgoCD", "PyTorch", "TensorFlow", "Pandas", "Flutter", "SwiftUI", "WebAssembly",
    ];
    private static readonly string[] Domains =
    [
        "payments", "logistics", "healthcare scheduling", "ad bidding", "e-commerce search", "fleet telemetry", "clinical trials",
        "insurance claims", "video streaming", "online education", "tax preparation", "supply chain", "real-estate listings", "ride sharing",
        "energy trading", "genomics pipelines", "customer support tooling", "fraud detection", "restaurant ordering", "travel booking",
    ];
    private static readonly string[] Verbs =
        ["Built", "Designed", "Rewrote", "Shipped", "Migrated", "Automated", "Owned", "Introduced", "Scaled", "Refactored", "Maintained", "Prototyped"];
    private static readonly string[] Gerunds = ["moving", "migrating", "porting", "splitting", "rebuilding", "consolidating"];
    private static readonly string[] Systems =
    [
        "billing service", "event pipeline", "search indexer", "recommendation API", "mobile checkout flow", "internal admin console",
        "feature-flag service", "data warehouse model", "notification system", "rate limiter", "onboarding wizard", "reporting dashboard",
        "identity service", "deployment pipeline", "inventory sync job", "chat widget", "pricing engine", "audit log", "map tile cache",
    ];
    private static readonly string[] Outcomes =
    [
        "cut p99 latency by {p}%", "reduced cloud spend by {p}%", "raised conversion by {p}%", "brought on-call pages down by {p}%",
        "halved release time", "removed a nightly batch of {n} hours", "served {n} million requests a day", "let {n} teams ship without us",
        "closed a {n}-year-old backlog of bugs", "passed the SOC 2 audit on the first try", "kept error rates under 0.{n}%",
    ];
    private static readonly string[] SummaryTemplates =
    [
        "{role} with {y} years of experience building {d} systems, mostly in {t1} and {t2}.",
        "I am a {role} who likes small teams, clear ownership and boring technology; lately that has meant {t1} and {t2} for {d}.",
        "Over {y} years I have moved from {t1} scripts to running {d} platforms that other engineers depend on.",
        "Pragmatic {role}. Most of my {y} years went into {d}, where I learned to measure before optimising.",
        "{role} focused on reliability and developer experience in {d}; comfortable across {t1}, {t2} and whatever the team already runs.",
        "After starting in {d}, I spent {y} years turning prototypes into products, usually with {t1} on the backend and {t2} in front.",
        "Generalist {role}: I have shipped {d} features end to end, written the runbooks, and taught new hires {t1}.",
        "{y} years of {t1} and {t2}. I care about code review, readable tests and leaving systems simpler than I found them.",
    ];
    private static readonly string[] BulletTemplates =
    [
        "{v} the {s} in {t}, which {o}.",
        "{v} a {s} for the {d} team using {t} and {t2}; it {o}.",
        "Led {k} engineers through {v2} the {s} from {t} to {t2}; the change {o}.",
        "Paired with product on the {s}, wrote the design doc, and {o2} within one quarter.",
        "Mentored {k} junior developers and ran the weekly {t} study group.",
        "Cut the {s} build from {m} minutes to {m2} by caching {t} artefacts.",
        "On call for the {s}; wrote {k} runbooks and {o2}.",
        "Replaced a hand-rolled {s} with {t}, deleting about {n} thousand lines.",
        "Added tracing with {t} to the {s} so that support could answer tickets without paging engineers.",
        "{v} load tests for the {s} ahead of {e}; it {o}.",
        "Worked with {k} customers to debug integrations against our {s}.",
        "Negotiated the API contract between the {s} and the {s2}, then implemented both sides in {t}.",
    ];
    private static readonly string[] Events = ["Black Friday", "the tax deadline", "open enrolment", "a national product launch", "the holiday peak", "an acquisition"];
    private static readonly string[] Degrees = ["B.S. in Computer Science", "B.Eng. in Software Engineering", "M.S. in Computer Science",
        "B.A. in Mathematics", "B.S. in Information Systems", "M.Sc. in Data Science", "B.S. in Electrical Engineering"];

    /// <summary>A resume for the person's work history and education.</summary>
    public static string Write(Random rng, string role, IReadOnlyList<Employment> jobs, Education? education)
    {
        var text = new StringBuilder();
        var years = Math.Max(1, jobs.Sum(j => ((j.EndedOn?.First ?? DateOnly.FromDateTime(DateTime.UtcNow)).DayNumber - j.StartedOn!.Value.First.DayNumber) / 365));
        text.AppendLine(Fill(rng, Pick(rng, SummaryTemplates), role, years));
        text.AppendLine();
        foreach (var job in jobs.OrderByDescending(j => j.StartedOn))
        {
            text.AppendLine($"{job.Title}, {job.Employer} ({job.StartedOn?.First:MMM yyyy} to {(job.EndedOn is { } end ? end.First.ToString("MMM yyyy") : "present")})");
            foreach (var template in BulletTemplates.OrderBy(_ => rng.Next()).Take(rng.Next(3, 6)))
                text.AppendLine("- " + Fill(rng, template, role, years));
        }
        text.AppendLine();
        text.AppendLine("Skills: " + string.Join(", ", Tech.OrderBy(_ => rng.Next()).Take(rng.Next(8, 15))));
        if (education is not null)
            text.AppendLine($"Education: {education.Degree}, {education.Institution}, {education.EndedOn?.Year}");
        return text.ToString();
    }

    public static string Degree(Random rng) => Pick(rng, Degrees);

    /// <summary>The ring's shared resume with a member's light edits: a few bullets rewritten, the years and some
    /// numbers changed, the skills reordered. Similar enough to be the same document, as investigators describe.</summary>
    public static string Edit(Random rng, string resume, string role)
    {
        var lines = resume.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("- ", StringComparison.Ordinal) && rng.NextDouble() < 0.05)
                lines[i] = "- " + Fill(rng, Pick(rng, BulletTemplates), role, rng.Next(3, 12));
            else if (lines[i].StartsWith("Skills: ", StringComparison.Ordinal) && rng.NextDouble() < 0.3)
            {
                // One skill swapped for another: the list keeps its order (a reordered list would be a new text).
                var skills = lines[i]["Skills: ".Length..].Split(", ");
                skills[rng.Next(skills.Length)] = Pick(rng, Tech);
                lines[i] = "Skills: " + string.Join(", ", skills);
            }
            else if (rng.NextDouble() < 0.03)
                lines[i] = new string([.. lines[i].Select(c => char.IsAsciiDigit(c) && rng.NextDouble() < 0.5 ? (char)('0' + rng.Next(10)) : c)]);
        }
        return string.Join('\n', lines);
    }

    private static string Fill(Random rng, string template, string role, int years) => template
        .Replace("{role}", role).Replace("{y}", years.ToString())
        .Replace("{d}", Pick(rng, Domains)).Replace("{t1}", Pick(rng, Tech)).Replace("{t2}", Pick(rng, Tech)).Replace("{t}", Pick(rng, Tech))
        .Replace("{v}", Pick(rng, Verbs)).Replace("{v2}", Pick(rng, Gerunds))
        .Replace("{s}", Pick(rng, Systems)).Replace("{s2}", Pick(rng, Systems))
        .Replace("{o}", Pick(rng, Outcomes)).Replace("{o2}", Pick(rng, Outcomes))
        .Replace("{p}", rng.Next(8, 70).ToString()).Replace("{n}", rng.Next(2, 40).ToString()).Replace("{k}", rng.Next(2, 9).ToString())
        .Replace("{m}", rng.Next(20, 90).ToString()).Replace("{m2}", rng.Next(3, 15).ToString()).Replace("{e}", Pick(rng, Events));

    private static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];
}
