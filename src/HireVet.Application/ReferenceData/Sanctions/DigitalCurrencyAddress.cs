namespace HireVet.Application.ReferenceData.Sanctions;

/// <summary>A crypto address OFAC lists on an SDN entry ("Digital Currency Address - XBT" → Ticker "XBT").</summary>
public sealed record DigitalCurrencyAddress(string Ticker, string Address);
