using MassTransit.Mediator;

namespace Tradewire.BrokerGateway.Saga;

/// <summary>
/// Raises bracket events on the <see cref="BracketSaga"/> through MassTransit's scoped mediator: in-process, in the
/// caller's DI scope, so the saga repository works on the caller's DbContext and inside its transaction (the
/// minute step's, or a control action's). Scoped; one event at a time.
/// </summary>
public sealed class BracketLifecycle(IScopedMediator mediator)
{
    IBracketActions? _actions;
    IBracketEvent? _current;
    bool _refused;

    /// <summary>The actions of the event being raised (the saga resolves this object from the same scope).</summary>
    public IBracketActions Actions => _actions ?? throw new InvalidOperationException("No bracket event is being raised");

    /// <summary>Applies <paramref name="e"/> to its bracket's saga. False when the saga refused it (illegal in its state, or no saga).</summary>
    public async Task<bool> Raise(IBracketActions actions, IBracketEvent e, CancellationToken token = default)
    {
        if (_actions is not null)
            throw new InvalidOperationException("Bracket events are raised one at a time");
        (_actions, _current, _refused) = (actions, e, false);
        try
        {
            // As object: the mediator dispatches on the runtime type, which is what the saga's events are bound to.
            await mediator.Send((object)e, token);
            return !_refused;
        }
        finally
        {
            (_actions, _current) = (null, null);
        }
    }

    /// <summary>Called by the saga when the current event is illegal in <paramref name="state"/> or finds no saga.</summary>
    internal void Refuse(string state)
    {
        _refused = true;
        Actions.Refused(_current!.ExecutionId, state, _current.GetType().Name, _current.At);
    }
}
