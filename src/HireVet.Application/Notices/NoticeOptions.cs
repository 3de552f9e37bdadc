using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace HireVet.Application.Notices;

/// <summary>The "Notices" settings, read and checked once at start-up: a wrong value stops the application with a
/// message naming the key rather than producing letters with a wrong deadline.</summary>
public sealed record NoticeOptions
{
    public const string Section = "Notices";

    /// <summary>Days between sending a pre-adverse-action notice and the earliest moment a reviewer may make the
    /// rejection final (FCRA practice: a reasonable time to dispute, about five business days). 0 only for tests.</summary>
    public int AdverseActionWaitingDays { get; init; } = 5;

    /// <summary>Days a candidate is given to answer a request for information (the deadline the letter states).</summary>
    public int InformationResponseDays { get; init; } = 10;

    /// <summary>Who signs the letters.</summary>
    public string EmployerName { get; init; } = "The hiring team";

    /// <summary>One sentence telling the candidate where to send a response.</summary>
    public string HowToRespond { get; init; } = "Reply to this letter the way it reached you: by e-mail, by post or through the candidate portal.";

    /// <summary>The consumer reporting agency whose background report is part of the decisions, named in the adverse
    /// action notice with the candidate's right to a free copy and to dispute it with the agency. Null (the default):
    /// HireVet's checks are the employer's own, and the letter says that no agency report was used.</summary>
    public ConsumerReportingAgency? ConsumerReportingAgency { get; init; }

    public TimeSpan AdverseActionWaitingPeriod => TimeSpan.FromDays(AdverseActionWaitingDays);
    public TimeSpan InformationResponsePeriod => TimeSpan.FromDays(InformationResponseDays);

    public static NoticeOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var defaults = new NoticeOptions();
        return new NoticeOptions
        {
            AdverseActionWaitingDays = Days(section, nameof(AdverseActionWaitingDays), defaults.AdverseActionWaitingDays, min: 0),
            InformationResponseDays = Days(section, nameof(InformationResponseDays), defaults.InformationResponseDays, min: 1),
            EmployerName = Text(section, nameof(EmployerName), defaults.EmployerName),
            HowToRespond = Text(section, nameof(HowToRespond), defaults.HowToRespond),
            ConsumerReportingAgency = Agency(section.GetSection(nameof(ConsumerReportingAgency))),
        };
    }

    /// <summary>All three of name, address and phone (FCRA section 615(a)(3) asks for each), or none.</summary>
    private static ConsumerReportingAgency? Agency(IConfigurationSection section)
    {
        string[] keys = [nameof(Notices.ConsumerReportingAgency.Name), nameof(Notices.ConsumerReportingAgency.Address), nameof(Notices.ConsumerReportingAgency.Phone)];
        var given = keys.Where(k => section[k] is not null).ToArray();
        if (given.Length == 0) return null;
        if (given.Length < keys.Length)
            throw new InvalidOperationException($"{Section}:{nameof(ConsumerReportingAgency)} needs Name, Address and Phone together " +
                $"(missing: {string.Join(", ", keys.Except(given))}); leave all three unset when no agency report is used.");
        return new ConsumerReportingAgency(
            Text(section, keys[0], ""), Text(section, keys[1], ""), Text(section, keys[2], ""));
    }

    private static int Days(IConfigurationSection section, string key, int fallback, int min)
    {
        var raw = section[key];
        if (raw is null) return fallback;
        if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days < min || days > 60)
            throw new InvalidOperationException($"{Section}:{key} must be a whole number of days from {min} to 60 (it is '{raw}').");
        return days;
    }

    private static string Text(IConfigurationSection section, string key, string fallback)
    {
        var raw = section[key];
        if (raw is null) return fallback;
        if (string.IsNullOrWhiteSpace(raw) || raw.Length > 500)
            throw new InvalidOperationException($"{section.Path}:{key} must be text of 1 to 500 characters.");
        return raw.Trim();
    }
}

/// <summary>A consumer reporting agency as the adverse action notice names it.</summary>
public sealed record ConsumerReportingAgency(string Name, string Address, string Phone);
