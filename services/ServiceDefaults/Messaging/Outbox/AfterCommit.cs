namespace Tradewire.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// Actions a consumer wants run once its transaction (the outbox pass's) has committed, never before and never
/// after a rollback: typically waking an in-process loop that reads what the consumer just wrote. Woken before
/// the commit, such a loop finds nothing and sleeps until its next poll (measured: the dispatcher's 1 s poll was
/// most of the pipeline's bar-to-fill latency).
/// </summary>
public sealed class AfterCommit
{
    readonly List<Action> _actions = [];

    public void Add(Action action) => _actions.Add(action);

    internal void Committed()
    {
        var actions = _actions.ToArray();
        _actions.Clear();
        foreach (var action in actions)
            action();
    }

    internal void RolledBack() => _actions.Clear();
}
