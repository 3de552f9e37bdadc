namespace HireVet.Application.Dossiers.Addresses;

public sealed record AddressParts(
    string? Line1,
    string? Line2,
    string? City,
    string? Region,
    string? PostalCode,
    string? Country);
