namespace HireVet.Application.Checks;

/// <summary>The areas a reviewer reads signals by: the catalogue's sections, with sanctions screening on its own
/// (its signals cite payroll or identity indicators, but a sanctions match is a different conversation).</summary>
public static class SignalAreas
{
    public sealed record Area(string Key, string Title);

    public static readonly IReadOnlyList<Area> All =
    [
        new("sanctions", "Sanctions"),
        new("identity", "Identity"),
        new("network", "Network and sign-ins"),
        new("payroll", "Payroll and payment"),
        new("shipping", "Equipment and shipping"),
        new("links", "Links to other candidates"),
        new("interview", "Interview"),
        new("other", "Other"),
    ];

    public static string Of(Signal signal)
    {
        if (signal.Check.Contains("sanction", StringComparison.OrdinalIgnoreCase)) return "sanctions";
        var prefix = signal.IndicatorId.Split('-')[0];
        return prefix switch
        {
            "ID" => "identity",
            "NET" => "network",
            "PAY" => "payroll",
            "SHIP" => "shipping",
            "LINK" => "links",
            "INT" => "interview",
            _ => "other",
        };
    }

    /// <summary>The signals by area, in the order of <see cref="All"/>, areas without signals left out.</summary>
    public static IReadOnlyList<(Area Area, IReadOnlyList<Signal> Signals)> Group(IEnumerable<Signal> signals)
    {
        var byArea = signals.GroupBy(Of).ToDictionary(g => g.Key, g => (IReadOnlyList<Signal>)g.ToArray());
        return All.Where(a => byArea.ContainsKey(a.Key)).Select(a => (a, byArea[a.Key])).ToArray();
    }
}
