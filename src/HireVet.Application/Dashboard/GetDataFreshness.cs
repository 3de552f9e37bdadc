using System.Globalization;
using HireVet.Application.ReferenceData;
using MediatR;
using Microsoft.Extensions.Configuration;

namespace HireVet.Application.Dashboard;

/// <summary>Each reference dataset's as-of date against the age allowed for its kind: sanctions lists go stale fast (a
/// designation must be screened within days), network lists more slowly, numbering plans and domain lists slowest.
/// Thresholds in days come from configuration, <c>ReferenceData:MaxAgeDays:&lt;kind or dataset name&gt;</c> (a dataset's
/// own setting wins over its kind's), with <see cref="DataFreshness.DefaultMaxAgeDays"/> as defaults.</summary>
public static class GetDataFreshness
{
    public sealed record Query : IRequest<DataFreshness.Dataset[]>;

    public sealed class Handler(IReferenceData referenceData, IConfiguration configuration, TimeProvider clock)
        : IRequestHandler<Query, DataFreshness.Dataset[]>
    {
        public Task<DataFreshness.Dataset[]> Handle(Query query, CancellationToken ct)
        {
            var section = configuration.GetSection("ReferenceData:MaxAgeDays");
            int? Setting(string key) => int.TryParse(section[key], NumberStyles.Integer, CultureInfo.InvariantCulture, out var days) ? days : null;
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            return Task.FromResult(referenceData.Current.Datasets
                .Select(d => DataFreshness.Evaluate(d, Setting(d.Name) ?? Setting(DataFreshness.KindOf(d.Name)) ?? DataFreshness.DefaultMaxAgeDays[DataFreshness.KindOf(d.Name)], today))
                .ToArray());
        }
    }
}

/// <summary>How old a dataset is and whether that is too old (pure logic).</summary>
public static class DataFreshness
{
    public const string Sanctions = "sanctions";
    public const string Network = "network";
    public const string Other = "other";

    public static readonly IReadOnlyDictionary<string, int> DefaultMaxAgeDays = new Dictionary<string, int>
    {
        [Sanctions] = 7,
        [Network] = 35,
        [Other] = 180,
    };

    public static string KindOf(string dataset) => dataset switch
    {
        Datasets.OfacSdn or Datasets.OfacCryptoAddresses => Sanctions,
        Datasets.IpAsn or Datasets.IpCountry or Datasets.HostingNetworks or Datasets.VpnNetworks or Datasets.DprkNetwork or Datasets.Network => Network,
        _ => Other,
    };

    /// <summary>fresh, stale (older than allowed), undated (the as-of is a version, not a date: its age is unknown) or
    /// not_loaded (missing or failed: the checks needing it are not evaluated).</summary>
    public sealed record Dataset
    {
        public string Name { get; init; } = "";
        public string Kind { get; init; } = "";
        public string? AsOf { get; init; }
        public string LoadStatus { get; init; } = "";
        public int MaxAgeDays { get; init; }
        /// <summary>Days since the as-of date; null when undated.</summary>
        public int? AgeDays { get; init; }
        public string Freshness { get; init; } = "";

        public bool NeedsAttention => Freshness is "stale" or "not_loaded";
    }

    /// <summary>An as-of of a whole month ("2026-11") counts from the month's last day: the data is at least that new.</summary>
    public static Dataset Evaluate(DatasetInfo info, int maxAgeDays, DateOnly today)
    {
        var date = ParseDate(info.AsOf);
        int? age = date is { } d ? today.DayNumber - d.DayNumber : null;
        var freshness = !info.IsLoaded ? "not_loaded" : age is null ? "undated" : age > maxAgeDays ? "stale" : "fresh";
        return new Dataset
        {
            Name = info.Name, Kind = KindOf(info.Name), AsOf = info.AsOf, LoadStatus = info.Status, MaxAgeDays = maxAgeDays,
            AgeDays = age, Freshness = freshness,
        };
    }

    public static DateOnly? ParseDate(string? asOf)
    {
        if (string.IsNullOrWhiteSpace(asOf)) return null;
        var text = asOf.Trim();
        if (DateOnly.TryParseExact(text.Length >= 10 ? text[..10] : text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        if (DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)) return month.AddMonths(1).AddDays(-1);
        return null;
    }
}
