using HireVet.Application.Checks.Links;
using HireVet.Application.Dossiers.Resumes;
using HireVet.Quality.Corpus;

namespace HireVet.Quality.Evaluation;

/// <summary>Checks the generator itself: honest resumes must not collide (else LINK-02 on honest people is the
/// generator's fault), and a ring's reused resume must stay recognisably the same document. Uses HireVet's own MinHash,
/// over every honest pair.</summary>
public sealed record ResumeSimilarity(int HonestResumes, double HonestMax, int HonestPairsAtMedium, double RingMean, double RingMin, int RingPairs)
{
    public static ResumeSimilarity Of(IReadOnlyList<Labelled> corpus)
    {
        var honest = corpus.Where(l => !l.IsRingMember).Select(l => ResumeFingerprint.Of(l.Dossier.ResumeText)).OfType<ResumeFingerprint>().ToArray();
        var (max, atMedium) = (0.0, 0);
        for (var i = 0; i < honest.Length; i++)
            for (var j = i + 1; j < honest.Length; j++)
            {
                var s = honest[i].Similarity(honest[j]);
                if (s > max) max = s;
                if (s >= ResumeDuplicateCheck.MediumAt) atMedium++;
            }

        var ringPairs = corpus.Where(l => l.Tactics.Contains(Tactics.ReusedResume)).GroupBy(l => l.Ring)
            .SelectMany(g =>
            {
                var prints = g.Select(l => ResumeFingerprint.Of(l.Dossier.ResumeText)!).ToArray();
                return prints.SelectMany((a, i) => prints.Skip(i + 1).Select(b => a.Similarity(b)));
            })
            .ToArray();
        return new ResumeSimilarity(honest.Length, max, atMedium,
            ringPairs.Length == 0 ? 0 : ringPairs.Average(), ringPairs.Length == 0 ? 0 : ringPairs.Min(), ringPairs.Length);
    }
}
