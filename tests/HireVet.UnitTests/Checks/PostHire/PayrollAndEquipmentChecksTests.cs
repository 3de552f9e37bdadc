using HireVet.Application.Checks;
using HireVet.Application.Checks.PostHire;
using static HireVet.UnitTests.Checks.PostHire.PostHireTestData;

namespace HireVet.UnitTests.Checks.PostHire;

/// <summary>The post-hire checks that read payroll changes (PAY-05, PAY-08) and equipment records (SHIP-07).</summary>
public sealed class PayrollAndEquipmentChecksTests
{
    private static readonly DateOnly Start = new(2026, 10, 1);

    private static PayrollChange Change(int day, string holder = "Sang-Man Kim", string account = "") => new()
    {
        EventId = $"pc-{day}-{holder}", EffectiveDate = Start.AddDays(day), ReceivedAt = Monday.AddDays(day),
        Destination = new() { Method = "bank_transfer", AccountHolderName = holder, BankName = "Frost Bank", AccountNumber = account.Length > 0 ? account : $"7700{day:000}" },
    };

    private static WorkerActivity Changes(params PayrollChange[] changes) => Activity() with { PayrollChanges = changes };

    [Fact]
    public void Three_payee_changes_within_ninety_days_are_PAY_05_medium()
    {
        var signal = Assert.Single(new PayrollChangeVelocityCheck().Run(Hired(Changes(Change(0), Change(40), Change(80)))).Signals);

        Assert.Equal(("PAY-05", Severity.Medium), (signal.IndicatorId, signal.Severity));
        Assert.Contains("3 times within 80 days", signal.Explanation);
        Assert.Equal(3, signal.Evidence["changesInWindow"]!.AsArray().Count);
        Assert.DoesNotContain("7700", signal.Evidence.ToJsonString()); // never the account number
    }

    [Fact]
    public void Two_payee_changes_within_thirty_days_are_PAY_05_medium()
    {
        var signal = Assert.Single(new PayrollChangeVelocityCheck().Run(Hired(Changes(Change(10), Change(30)))).Signals);
        Assert.Equal("2 or more changes within 30 days", signal.Evidence["rule"]!.GetValue<string>());
    }

    [Fact]
    public void One_change_two_months_apart_or_a_repeated_record_is_not_PAY_05()
    {
        var check = new PayrollChangeVelocityCheck();
        Assert.Equal(CheckResult.NotFired, check.Run(Hired(Changes(Change(5)))));
        Assert.Equal(CheckResult.NotFired, check.Run(Hired(Changes(Change(0), Change(60)))));
        var resent = Change(5) with { EventId = "pc-resent", ReceivedAt = Monday.AddDays(6) };
        Assert.Equal(CheckResult.NotFired, check.Run(Hired(Changes(Change(5), resent))));
        Assert.Equal(CheckResult.NotFired, check.Run(Hired(Activity())));
    }

    [Fact]
    public void Pay_moved_to_someone_elses_account_is_PAY_08_high()
    {
        var signal = Assert.Single(new PayrollHolderChangeCheck().Run(Hired(Changes(Change(5), Change(50, "Laura Jenkins")))).Signals);

        Assert.Equal(("PAY-08", Severity.High), (signal.IndicatorId, signal.Severity));
        Assert.Contains("\"Laura Jenkins\"", signal.Explanation);
        var change = Assert.Single(signal.Evidence["changes"]!.AsArray())!;
        Assert.Equal(("Laura Jenkins", "2026-11-20"), (change["accountHolderName"]!.GetValue<string>(), change["effectiveDate"]!.GetValue<string>()));
        Assert.Contains("Kim Sang Man", signal.Evidence["declaredNames"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Theory]
    [InlineData("Kim Sang Man", "Sang-Man Kim")]
    [InlineData("Kim Sang Man", "GIM SANGMAN")]
    [InlineData("Kim Sang Man", "Sam Kim")]          // a declared other name
    [InlineData("Sean O'Brien", "O'Brien Sean")]
    [InlineData("José Müller", "Jose Mueller")]
    public void The_workers_own_name_transliterated_or_reordered_is_not_PAY_08(string legal, string holder)
    {
        var worker = Worker with { LegalName = legal };
        Assert.Equal(CheckResult.NotFired, new PayrollHolderChangeCheck().Run(Hired(Changes(Change(5, holder)), worker)));
    }

    private static EquipmentRecord Shipped(string serial, string? seen = null) =>
        new() { EventId = $"eq-{serial}", AssetSerialShipped = serial, SerialSeenAtOnboarding = seen, RecordedAt = Monday };

    [Fact]
    public void A_laptop_presented_at_onboarding_that_is_not_the_one_shipped_is_SHIP_07_medium()
    {
        var signal = Assert.Single(new SerialMismatchCheck().Run(Hired(Activity() with { Equipment = [Shipped("C02XK12J", seen: "FVFDQ0AB")] })).Signals);

        Assert.Equal(("SHIP-07", Severity.Medium), (signal.IndicatorId, signal.Severity));
        var mismatch = signal.Evidence["onboardingMismatches"]![0]!;
        Assert.Equal(("C02XK12J", "FVFDQ0AB"), (mismatch["assetSerialShipped"]!.GetValue<string>(), mismatch["serialSeenAtOnboarding"]!.GetValue<string>()));
    }

    [Fact]
    public void An_endpoint_reporting_a_serial_no_shipped_laptop_has_is_SHIP_07_medium()
    {
        var activity = Activity() with { Equipment = [Shipped("C02XK12J")], Endpoints = [Snapshot(serial: "c02xk12j"), Snapshot(serial: "PF3ZQ9LM", device: "laptop-2")] };

        var signal = Assert.Single(new SerialMismatchCheck().Run(Hired(activity)).Signals);
        var mismatch = Assert.Single(signal.Evidence["endpointMismatches"]!.AsArray())!;
        Assert.Equal(("laptop-2", "PF3ZQ9LM"), (mismatch["deviceId"]!.GetValue<string>(), mismatch["serialNumber"]!.GetValue<string>()));
    }

    [Fact]
    public void Serials_differing_only_in_case_or_spaces_match_and_no_records_is_not_evaluated()
    {
        var activity = Activity() with { Equipment = [Shipped("C02 XK12J", seen: "c02xk12j")], Endpoints = [Snapshot(serial: " C02XK12J ")] };
        Assert.Equal(CheckResult.NotFired, new SerialMismatchCheck().Run(Hired(activity)));
        Assert.NotNull(new SerialMismatchCheck().Run(Hired(Activity() with { Endpoints = [Snapshot(serial: "PF3ZQ9LM")] })).NotEvaluatedReason);
    }
}
