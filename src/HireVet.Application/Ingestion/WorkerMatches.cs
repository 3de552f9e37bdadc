using System.Collections.Concurrent;

namespace HireVet.Application.Ingestion;

/// <summary>Work e-mails already matched to their workers by earlier batches of one upload, so that each batch looks up
/// only principals not seen before: an upload of a million sign-ins names the same workers again and again. A match
/// cannot go stale: a worker's work e-mail is written once, at the hire, and workers are never deleted. A principal
/// that matched no one is looked up again by the next batch (the worker may have been hired since).</summary>
public sealed class WorkerMatches
{
    private readonly ConcurrentDictionary<string, long> _workers = new(StringComparer.Ordinal);

    public bool TryGet(string principal, out long workerId) => _workers.TryGetValue(principal, out workerId);

    public void Add(string principal, long workerId) => _workers[principal] = workerId;
}
