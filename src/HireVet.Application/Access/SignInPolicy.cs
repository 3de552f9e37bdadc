using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace HireVet.Application.Access;

/// <summary>The "Security" settings of sign-in, read and checked once at start-up, and the lockout rule they drive
/// (decision 0053): a run of <see cref="LockoutThreshold"/> wrong passwords for one user, none more than
/// <see cref="ObservationWindow"/> after the one before (Active Directory's "reset the counter after"), locks the user
/// out for <see cref="LockoutDuration"/>. A success or an admin's unlock ends the run; so does the end of a lockout.</summary>
public sealed record SignInPolicy
{
    public const string Section = "Security";

    public int LockoutThreshold { get; init; } = 5;
    public TimeSpan LockoutDuration { get; init; } = TimeSpan.FromMinutes(15);
    public TimeSpan ObservationWindow { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Failed sign-ins (wrong password, unknown user, locked out) from one client address within the
    /// observation window after which that address is refused until the window has passed; 0 turns it off.</summary>
    public int IpFailureLimit { get; init; } = 20;

    /// <summary>How long attempts are kept; the database function refuses to delete any younger than 30 days.</summary>
    public TimeSpan Retention { get; init; } = TimeSpan.FromDays(90);

    public bool IsLocked(DateTimeOffset? lockedUntil, DateTimeOffset now) => lockedUntil > now;

    /// <summary>The wrong passwords of the user's current run: all of them while locked out; none once the last one is
    /// a window old, or happened before a lockout that has ended.</summary>
    public int CurrentFailures(int failures, DateTimeOffset? lastFailedAt, DateTimeOffset? lockedUntil, DateTimeOffset now)
    {
        if (IsLocked(lockedUntil, now)) return failures;
        if (lastFailedAt is not { } last || now - last >= ObservationWindow) return 0;
        if (lockedUntil is { } until && last < until) return 0;
        return failures;
    }

    public bool LocksOut(int failures) => failures >= LockoutThreshold;

    public bool IpThrottled(int recentFailuresFromAddress) => IpFailureLimit > 0 && recentFailuresFromAddress >= IpFailureLimit;

    public static SignInPolicy From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var defaults = new SignInPolicy();
        return new SignInPolicy
        {
            LockoutThreshold = Whole(section, "LockoutThreshold", defaults.LockoutThreshold, 1, 100),
            LockoutDuration = TimeSpan.FromMinutes(Whole(section, "LockoutMinutes", (int)defaults.LockoutDuration.TotalMinutes, 1, 1440)),
            ObservationWindow = TimeSpan.FromMinutes(Whole(section, "LockoutWindowMinutes", (int)defaults.ObservationWindow.TotalMinutes, 1, 1440)),
            IpFailureLimit = Whole(section, "IpFailureLimit", defaults.IpFailureLimit, 0, 100_000),
            Retention = TimeSpan.FromDays(Whole(section, "SignInAttemptRetentionDays", (int)defaults.Retention.TotalDays, 30, 3650)),
        };
    }

    private static int Whole(IConfigurationSection section, string key, int fallback, int min, int max)
    {
        var raw = section[key];
        if (raw is null) return fallback;
        if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw new InvalidOperationException($"{Section}:{key} must be a whole number from {min} to {max} (it is '{raw}').");
        return value;
    }
}

/// <summary>How a sign-in attempt ended, as stored in sign_in_attempts.outcome.</summary>
public enum SignInOutcome { Succeeded, WrongPassword, UnknownUser, Disabled, LockedOut, IpThrottled, InvalidApiKey, RevokedApiKey }

public static class SignInOutcomes
{
    public static readonly string[] Codes = [.. Enum.GetValues<SignInOutcome>().Select(Code)];

    /// <summary>WrongPassword → "wrong_password".</summary>
    public static string Code(SignInOutcome outcome) => outcome switch
    {
        SignInOutcome.Succeeded => "succeeded",
        SignInOutcome.WrongPassword => "wrong_password",
        SignInOutcome.UnknownUser => "unknown_user",
        SignInOutcome.Disabled => "disabled",
        SignInOutcome.LockedOut => "locked_out",
        SignInOutcome.IpThrottled => "ip_throttled",
        SignInOutcome.InvalidApiKey => "invalid_api_key",
        SignInOutcome.RevokedApiKey => "revoked_api_key",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };

    /// <summary>What a client sends is cut to what the table keeps.</summary>
    internal static string? Cut(string? text, int max) => text is null ? null : text.Length <= max ? text : text[..max];
}

/// <summary>A user's columns that the lockout rule reads (an init-only class: Dapper maps timestamptz onto
/// DateTimeOffset there, not in tuples).</summary>
internal sealed record LockoutState
{
    public string Username { get; init; } = "";
    public int FailedSignIns { get; init; }
    public DateTimeOffset? LastFailedSignInAt { get; init; }
    public DateTimeOffset? LockedUntil { get; init; }

    public const string Columns = "username, failed_sign_ins, last_failed_sign_in_at, locked_until";
}
