using HireVet.Application.Dossiers.Resumes;

namespace HireVet.UnitTests.Dossiers.Resumes;

public sealed class ResumeFingerprintTests
{
    private const string Resume = """
        Senior full-stack engineer with nine years of experience building scalable web applications in React, Node.js and
        Go. Led the migration of a monolithic billing platform to event-driven microservices on Kubernetes, cutting
        infrastructure costs by forty percent. Designed GraphQL APIs consumed by mobile and web clients, mentored five
        junior developers, and introduced contract testing and continuous delivery pipelines. Comfortable owning features
        from database schema to pixel-perfect interfaces, and passionate about clean code, observability and security.
        """;

    private const string Unrelated = """
        Data analyst with a background in public health statistics. Built dashboards in Tableau and Power BI for hospital
        administrators, automated weekly reporting with Python and SQL, and ran survival analyses on patient cohorts in R.
        Presented findings to non-technical audiences and wrote grant reports. Certified in clinical data management and
        experienced with HIPAA-compliant data handling, cohort design, and regression modelling for outcome prediction.
        """;

    [Fact]
    public void The_same_resume_with_a_different_name_and_small_edits_is_a_near_duplicate()
    {
        var edited = "Jason Miller. " + Resume.Replace("nine years", "eight years").Replace("five", "six");
        var similarity = ResumeFingerprint.Of(Resume)!.Similarity(ResumeFingerprint.Of(edited)!);
        Assert.InRange(similarity, 0.7, 1.0);
    }

    [Fact]
    public void The_vectorised_MinHash_gives_exactly_the_one_at_a_time_values_stored_signatures_were_made_with()
    {
        var rng = new Random(20261201);
        foreach (var count in new[] { 1, 7, 50, 333 })
        {
            var shingles = Enumerable.Range(0, count).Select(_ => (ulong)rng.NextInt64() ^ ((ulong)rng.Next() << 40)).ToArray();
            Assert.Equal(ResumeFingerprint.MinHashScalar(shingles), ResumeFingerprint.MinHashVectorised(shingles));
        }
    }

    [Fact]
    public void Unrelated_resumes_are_not_similar_and_do_not_share_bands()
    {
        var a = ResumeFingerprint.Of(Resume)!;
        var b = ResumeFingerprint.Of(Unrelated)!;
        Assert.InRange(a.Similarity(b), 0.0, 0.05);
        Assert.Empty(a.BandHashes().Intersect(b.BandHashes()));
    }

    [Fact]
    public void Identical_resumes_share_every_band_and_short_texts_are_not_fingerprinted()
    {
        Assert.Equal(ResumeFingerprint.Of(Resume)!.BandHashes(), ResumeFingerprint.Of(Resume.ToUpperInvariant())!.BandHashes());
        Assert.Null(ResumeFingerprint.Of("Experienced developer, React and Go."));
    }

    [Fact]
    public void The_shared_passage_is_the_longest_run_of_common_words()
    {
        var copy = "Hello, I am Ryan. Led the migration of a monolithic billing platform to event-driven microservices on Kubernetes, and more.";
        var passage = ResumeFingerprint.SharedPassage(copy, Resume);
        Assert.Equal("Led the migration of a monolithic billing platform to event-driven microservices on Kubernetes,", passage);
    }
}
