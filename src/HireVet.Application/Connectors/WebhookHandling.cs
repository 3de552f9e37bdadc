namespace HireVet.Application.Connectors;

/// <summary>What an applicant-tracking system's webhook asks HireVet to do.</summary>
public enum WebhookHandling
{
    /// <summary>Nothing: a ping, an offer or interview event, an action HireVet does not act on, or a delivery that
    /// lacks the id it would need (the event's <c>IgnoredBecause</c> says which).</summary>
    Ignore,

    /// <summary>Fetch the candidate from the vendor's API, map it and submit the dossier again (an unchanged dossier
    /// changes nothing, so a refresh too many is harmless).</summary>
    Refresh,

    /// <summary>The vendor deleted or anonymised the person: delete or anonymise HireVet's copy of their personal data.</summary>
    Redact,

    /// <summary>The vendor merged two candidates: the losing id's record now belongs to the winning id.</summary>
    Merge,
}
