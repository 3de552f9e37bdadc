using HireVet.Application.Checks;
using HireVet.Application.Checks.Interview;
using HireVet.Application.Checks.Links;
using HireVet.Application.Dossiers;
using static HireVet.UnitTests.Checks.CheckTestData;

namespace HireVet.UnitTests.Checks;

public sealed class ReferralAndCameraCheckTests
{
    private static readonly Dossier Referred = Honest with { ReferredBy = "Ryan Scott", ReferrerId = "ats-77" };

    private static CandidateGraph.Node Referrer(string status, string? band) =>
        new() { Id = 77, ExternalId = "ats-77", LegalName = "Ryan Scott", Status = status, Band = band };

    private static CheckResult Referral(Dossier d, ReferrerLookup? lookup) =>
        new ReferralCheck().Run(new VettingContext(1, d, []) { Referrer = lookup });

    [Fact]
    public void A_referral_by_a_candidate_in_review_is_LINK_09_medium_naming_the_referrer()
    {
        var signal = Assert.Single(Referral(Referred, new ReferrerLookup(Referrer("review", "high"))).Signals);

        Assert.Equal(("LINK-09", Severity.Medium), (signal.IndicatorId, signal.Severity));
        Assert.Equal("ats-77", signal.Evidence["referrer"]!["externalId"]!.GetValue<string>());
        Assert.Contains("Ryan Scott (ats-77)", signal.Explanation);
    }

    [Fact]
    public void A_referral_by_a_candidate_whose_rejection_is_not_final_yet_is_medium_like_one_awaiting_approval()
    {
        Assert.Equal(Severity.Medium, Assert.Single(Referral(Referred, new ReferrerLookup(Referrer("rejection_pending", "high"))).Signals).Severity);
    }

    [Fact]
    public void A_referral_by_a_rejected_candidate_is_high()
    {
        Assert.Equal(Severity.High, Assert.Single(Referral(Referred, new ReferrerLookup(Referrer("rejected", "high"))).Signals).Severity);
    }

    [Theory]
    [InlineData("clear", "clear")]
    [InlineData("cleared", "high")] // a human cleared them
    [InlineData("pending_vetting", null)]
    public void A_referral_by_a_candidate_who_is_not_flagged_raises_nothing(string status, string? band)
    {
        Assert.Equal(CheckResult.NotFired, Referral(Referred, new ReferrerLookup(Referrer(status, band))));
    }

    [Fact]
    public void A_referrer_HireVet_does_not_know_raises_nothing_and_a_name_alone_is_not_evaluated()
    {
        Assert.Equal(CheckResult.NotFired, Referral(Referred, new ReferrerLookup(null)));
        Assert.Equal(CheckResult.NotFired, Referral(Honest, null));
        Assert.Contains("referrerId", Referral(Honest with { ReferredBy = "Ryan Scott" }, null).NotEvaluatedReason);
    }

    private static CheckResult Camera(params bool?[] cameraOn) => new CameraCheck().Run(Context(Honest with
    {
        Interviews = [.. cameraOn.Select((on, i) => new Interview { At = new DateTimeOffset(2026, 11, 2 + i, 15, 0, 0, TimeSpan.Zero), CameraOn = on })],
    }));

    [Fact]
    public void Camera_off_in_two_interviews_is_INT_01_high_and_in_the_only_one_medium()
    {
        var two = Assert.Single(Camera(false, false).Signals);
        Assert.Equal(("INT-01", Severity.High), (two.IndicatorId, two.Severity));
        Assert.Contains("accommodation", two.Explanation);
        Assert.Equal(2, two.Evidence["interviews"]!.AsArray().Count);

        Assert.Equal(Severity.Medium, Assert.Single(Camera(false, null).Signals).Severity);
    }

    [Fact]
    public void One_interview_on_camera_clears_the_camera_check_and_no_record_is_not_evaluated()
    {
        Assert.Equal(CheckResult.NotFired, Camera(false, true));
        Assert.NotNull(Camera(null, null).NotEvaluatedReason);
        Assert.NotNull(Camera().NotEvaluatedReason);
    }
}
