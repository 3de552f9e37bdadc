namespace HireVet.Application.Common.Data;

/// <summary>Work to run once the current transaction has committed (e.g. asking the scheduler to vet a candidate).
/// If it never runs, the state written in the transaction lets a sweep catch up.</summary>
public interface IAfterCommit
{
    void Enqueue(Func<CancellationToken, Task> action);
}

public sealed class AfterCommitQueue : IAfterCommit
{
    private readonly List<Func<CancellationToken, Task>> _actions = [];

    public void Enqueue(Func<CancellationToken, Task> action) => _actions.Add(action);

    public IReadOnlyList<Func<CancellationToken, Task>> Drain()
    {
        var actions = _actions.ToArray();
        _actions.Clear();
        return actions;
    }
}
