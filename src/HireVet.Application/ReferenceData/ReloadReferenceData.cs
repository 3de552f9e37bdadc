using HireVet.Application.Common;
using HireVet.Application.Common.Auditing;
using MediatR;

namespace HireVet.Application.ReferenceData;

/// <summary>An admin reloads the datasets without a restart (after dropping in a fresh OFAC download, say). Audited
/// with what was loaded, because assessments made afterwards rest on the new data.</summary>
public static class ReloadReferenceData
{
    public sealed record Command : IRequest<DatasetInfo[]>, ICommand;

    public sealed class Handler(IReferenceData referenceData, AuditScope audit) : IRequestHandler<Command, DatasetInfo[]>
    {
        public async Task<DatasetInfo[]> Handle(Command command, CancellationToken ct)
        {
            var snapshot = await referenceData.ReloadAsync(ct);
            audit.Target("reference_data", "all");
            foreach (var d in snapshot.Datasets) audit.Details[d.Name] = $"{d.Status} {d.AsOf} rows={d.Rows}";
            return snapshot.Datasets.ToArray();
        }
    }
}
