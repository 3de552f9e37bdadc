using HireVet.Application.Access;
using Microsoft.Extensions.Configuration;

namespace HireVet.UnitTests.Access;

/// <summary>The lockout rule: a run of wrong passwords, each within the observation window of the one before, locks
/// the user out at the threshold; the run ends with a quiet window or a lockout that has ended. And the settings.</summary>
public class SignInPolicyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);
    private static readonly SignInPolicy Policy = new(); // 5 in a row, 15-minute window, 15-minute lockout

    /// <summary>Counts wrong passwords at the given minutes after T0 as the sign-in does; returns the user's state.</summary>
    private static (int Failures, DateTimeOffset? Last, DateTimeOffset? LockedUntil) Fail(params double[] minutes)
    {
        (int Failures, DateTimeOffset? Last, DateTimeOffset? LockedUntil) user = (0, null, null);
        foreach (var m in minutes)
        {
            var now = T0.AddMinutes(m);
            if (Policy.IsLocked(user.LockedUntil, now)) continue; // refused as locked_out, not counted
            var failures = Policy.CurrentFailures(user.Failures, user.Last, user.LockedUntil, now) + 1;
            user = (failures, now, Policy.LocksOut(failures) ? now + Policy.LockoutDuration : user.LockedUntil);
        }
        return user;
    }

    [Fact]
    public void Five_wrong_passwords_in_a_row_lock_the_user_for_fifteen_minutes()
    {
        Assert.Null(Fail(0, 1, 2, 3).LockedUntil);
        var locked = Fail(0, 1, 2, 3, 4);
        Assert.Equal(T0.AddMinutes(19), locked.LockedUntil);
        Assert.True(Policy.IsLocked(locked.LockedUntil, T0.AddMinutes(18.99)));
        Assert.False(Policy.IsLocked(locked.LockedUntil, T0.AddMinutes(19)));
        Assert.Equal(5, Policy.CurrentFailures(locked.Failures, locked.Last, locked.LockedUntil, T0.AddMinutes(10)));
    }

    [Fact]
    public void Failures_spread_wider_than_the_window_do_not_add_up()
    {
        Assert.Null(Fail(0, 15, 30, 45, 60, 75).LockedUntil); // each a full window after the one before
        Assert.Equal(T0.AddMinutes(56 + 15), Fail(0, 14, 28, 42, 56).LockedUntil); // each within the window: a run
        Assert.Equal(0, Policy.CurrentFailures(3, T0, null, T0.AddMinutes(15)));
        Assert.Equal(3, Policy.CurrentFailures(3, T0, null, T0.AddMinutes(14.9)));
    }

    [Fact]
    public void A_run_starts_again_once_a_lockout_has_ended_and_failures_during_it_do_not_count()
    {
        var user = Fail(0, 1, 2, 3, 4, 10, 11, 12); // locked at 4 until 19; the three during it are refused, not counted
        Assert.Equal((5, T0.AddMinutes(4)), (user.Failures, user.Last));
        Assert.Equal(0, Policy.CurrentFailures(user.Failures, user.Last, user.LockedUntil, T0.AddMinutes(19)));
        var again = Fail(0, 1, 2, 3, 4, 19.5, 20);
        Assert.Equal((2, T0.AddMinutes(19)), (again.Failures, again.LockedUntil));
        // With a window longer than the lockout, the failures before it still do not carry over.
        Assert.Equal(0, (Policy with { ObservationWindow = TimeSpan.FromHours(1) }).CurrentFailures(5, T0.AddMinutes(4), T0.AddMinutes(19), T0.AddMinutes(20)));
    }

    [Fact]
    public void The_address_throttle_refuses_at_its_limit_and_zero_turns_it_off()
    {
        Assert.False(Policy.IpThrottled(19));
        Assert.True(Policy.IpThrottled(20));
        Assert.False((Policy with { IpFailureLimit = 0 }).IpThrottled(1_000));
    }

    [Fact]
    public void Settings_are_read_from_the_security_section_and_a_wrong_value_names_its_key()
    {
        static SignInPolicy Read(params (string Key, string Value)[] settings) => SignInPolicy.From(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>("Security:" + s.Key, s.Value))).Build());

        Assert.Equal(new SignInPolicy(), Read());
        var read = Read(("LockoutThreshold", "3"), ("LockoutMinutes", "30"), ("LockoutWindowMinutes", "60"), ("IpFailureLimit", "0"),
            ("SignInAttemptRetentionDays", "365"));
        Assert.Equal((3, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(60), 0, TimeSpan.FromDays(365)),
            (read.LockoutThreshold, read.LockoutDuration, read.ObservationWindow, read.IpFailureLimit, read.Retention));
        Assert.Contains("Security:LockoutThreshold", Assert.Throws<InvalidOperationException>(() => Read(("LockoutThreshold", "0"))).Message);
        Assert.Contains("Security:LockoutThreshold", Assert.Throws<InvalidOperationException>(() => Read(("LockoutThreshold", "101"))).Message);
        Assert.Contains("Security:LockoutMinutes", Assert.Throws<InvalidOperationException>(() => Read(("LockoutMinutes", "ten"))).Message);
        Assert.Contains("Security:SignInAttemptRetentionDays", Assert.Throws<InvalidOperationException>(() => Read(("SignInAttemptRetentionDays", "7"))).Message);
    }

    [Fact]
    public void Outcomes_are_stored_in_snake_case()
    {
        Assert.Equal(["succeeded", "wrong_password", "unknown_user", "disabled", "locked_out", "ip_throttled", "invalid_api_key", "revoked_api_key"],
            SignInOutcomes.Codes);
    }
}
