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

    /// <summary>
    /// A bracket's command was stored: its saga starts in Requested. Nothing else may happen on receipt, so any other
    /// action the saga asked for here would be a defect, and throws.
    /// </summary>
    public Task<bool> Receive(Guid executionId, DateTimeOffset at, string ticker, CancellationToken token = default) =>
        Raise(OnReceipt.Instance, new BracketRequested(executionId, at, ticker), token);

    /// <summary>Called by the saga when the current event is illegal in <paramref name="state"/> or finds no saga.</summary>
    internal void Refuse(string state)
    {
        _refused = true;
        Actions.Refused(_current!.ExecutionId, state, _current.GetType().Name, _current.At);
    }

    /// <summary>The actions of <see cref="BracketRequested"/>: entering Requested only (the bracket row already says REQUESTED).</summary>
    sealed class OnReceipt : IBracketActions
    {
        public static readonly OnReceipt Instance = new();

        public void Entered(Guid executionId, string state) { }
        public Task Protect(Guid executionId, DateTimeOffset eligibleFrom) => throw Unexpected();
        public Task CloseOnChildFill(Guid executionId, string childClientOrderId, DateTimeOffset at) => throw Unexpected();
        public void CloseOnExitFill(Guid executionId, string exitClientOrderId, DateTimeOffset at) => throw Unexpected();
        public Task CloseCancelled(Guid executionId, string reason, DateTimeOffset at) => throw Unexpected();
        public void CloseRejected(Guid executionId, string reason, DateTimeOffset at) => throw Unexpected();
        public Task Exit(Guid executionId, string reason, DateTimeOffset eligibleFrom, DateTimeOffset at) => throw Unexpected();
        public void Refused(Guid executionId, string state, string eventName, DateTimeOffset at) => throw Unexpected();
        static InvalidOperationException Unexpected() => new("A bracket saga acted on receipt of its command");
    }
}
