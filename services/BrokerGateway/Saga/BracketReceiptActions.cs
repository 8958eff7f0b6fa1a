namespace Tradewire.BrokerGateway.Saga;

/// <summary>
/// The actions of <see cref="BracketRequested"/>: on receipt of its command the saga only enters Requested (the
/// bracket row already says REQUESTED); any other action at that point is a defect and throws.
/// </summary>
public sealed class BracketReceiptActions : IBracketActions
{
    public static readonly BracketReceiptActions Instance = new();

    BracketReceiptActions() { }

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
