using HireVet.Application.Checks;
using HireVet.Application.Checks.PostHire;
using static HireVet.UnitTests.Checks.PostHire.PostHireTestData;

namespace HireVet.UnitTests.Checks.PostHire;

/// <summary>LINK-13: one stand-in at onboarding steps of several hires.</summary>
public sealed class OnboardingStandInCheckTests
{
    private static OnboardingEvent Step(string id, string step, string? appeared = "Kim Sang Man", string? phone = null, string? email = null) => new()
    {
        EventId = id, Step = step, OccurredAt = Monday.AddDays(-30),
        Details = new OnboardingDetails { AppearedName = appeared, Phone = phone, Email = email },
    };

    private static OtherOnboarding At(OtherWorker worker, string step, string id) => new() { Worker = worker, Step = step, EventId = id, OccurredAt = Monday.AddDays(-20) };

    private static CheckResult Run(OnboardingEvent[] mine, params SharedOnboardingIdentifier[] shared) =>
        new OnboardingStandInCheck().Run(Hired(Activity() with { Onboarding = mine, SharedOnboarding = shared }));

    [Fact]
    public void The_same_person_and_phone_at_drug_tests_of_two_other_hires_are_LINK_13_high_naming_them()
    {
        var ana = Other(21, "Ana Pereira");
        var li = Other(22, "Li Wei");
        var mine = Step("ob-1", "drug_test", appeared: "Daniel Brooks", phone: "+1 512 555 0147");
        var signal = Assert.Single(Run([mine],
            new SharedOnboardingIdentifier { Kind = "person", EventId = "ob-1", Others = [At(ana, "drug_test", "ob-7"), At(li, "drug_test", "ob-9")] },
            new SharedOnboardingIdentifier { Kind = "phone", EventId = "ob-1", Others = [At(ana, "drug_test", "ob-7")] }).Signals);

        Assert.Equal(("LINK-13", Severity.High), (signal.IndicatorId, signal.Severity));
        Assert.Contains("person who appeared, phone number", signal.Explanation);
        Assert.Contains("Ana Pereira, Li Wei", signal.Explanation);
        Assert.Contains("S55", signal.Explanation);
        var person = signal.Evidence["shared"]![0]!;
        Assert.Equal(("person", "Daniel Brooks", "drug_test"), (person["kind"]!.GetValue<string>(), person["value"]!.GetValue<string>(), person["step"]!.GetValue<string>()));
        Assert.Equal(["ob-7", "ob-9"], person["otherSteps"]!.AsArray().Select(o => o!["eventId"]!.GetValue<string>()));
        Assert.Equal("+1 512 555 0147", signal.Evidence["shared"]![1]!["value"]!.GetValue<string>());
        Assert.Equal(2, signal.Evidence["otherWorkers"]!.AsArray().Count);
    }

    [Fact]
    public void Two_namesakes_each_appearing_for_themselves_are_not_a_stand_in()
    {
        // Another hire is also called Kim Sang Man, and each came to their own drug test.
        var namesake = Other(23, "KIM Sang-Man");
        Assert.Equal(CheckResult.NotFired, Run([Step("ob-1", "drug_test")],
            new SharedOnboardingIdentifier { Kind = "person", EventId = "ob-1", Others = [At(namesake, "drug_test", "ob-5")] }));
    }

    [Fact]
    public void The_worker_appearing_at_another_hire_s_step_is_a_stand_in()
    {
        // This worker's own name turns up at the document check of someone else.
        var signal = Assert.Single(Run([Step("ob-1", "document_check")],
            new SharedOnboardingIdentifier { Kind = "person", EventId = "ob-1", Others = [At(Other(24, "Ana Pereira"), "document_check", "ob-6")] }).Signals);
        Assert.Equal("LINK-13", signal.IndicatorId);
    }

    [Fact]
    public void A_worker_whose_onboarding_shares_nothing_is_not_LINK_13_and_one_without_onboarding_is_not_evaluated()
    {
        Assert.Equal(CheckResult.NotFired, Run([Step("ob-1", "drug_test"), Step("ob-2", "equipment_receipt")]));
        Assert.Contains("No onboarding events", new OnboardingStandInCheck().Run(Hired(Activity())).NotEvaluatedReason);
    }

    [Theory]
    [InlineData("Min-jun Kim", "KIM, Min Jun")]
    [InlineData("Daniel  Brooks", "daniel brooks")]
    public void Names_compare_by_their_words_in_any_order_and_case(string a, string b)
    {
        Assert.Equal(OnboardingStandInCheck.PersonKey(a), OnboardingStandInCheck.PersonKey(b));
    }
}
