using MediatR;

namespace HireVet.Application.ReferenceData;

/// <summary>Every reference dataset with its as-of date, row count, licence and load status.</summary>
public static class ListReferenceData
{
    public sealed record Query : IRequest<DatasetInfo[]>;

    public sealed class Handler(IReferenceData referenceData) : IRequestHandler<Query, DatasetInfo[]>
    {
        public Task<DatasetInfo[]> Handle(Query query, CancellationToken ct) => Task.FromResult(referenceData.Current.Datasets.ToArray());
    }
}
