namespace HireVet.Application.Common;

/// <summary>Marker: the request changes state, so it runs in one transaction and writes one audit record.</summary>
public interface ICommand;
