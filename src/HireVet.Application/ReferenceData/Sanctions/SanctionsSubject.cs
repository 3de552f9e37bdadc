namespace HireVet.Application.ReferenceData.Sanctions;

/// <summary>What a screened name belongs to, which decides the SDN entry types it may match: a candidate is a person
/// and is never a vessel or an aircraft that happens to carry the same name.</summary>
public enum SanctionsSubject
{
    /// <summary>Every entry type (individuals, entities, vessels, aircraft).</summary>
    Any,

    /// <summary>Individuals only.</summary>
    Person,

    /// <summary>Entities only (companies, groups, programmes).</summary>
    Organisation,

    /// <summary>Individuals and entities, e.g. a payee that may be a person or a company.</summary>
    PersonOrOrganisation,
}
