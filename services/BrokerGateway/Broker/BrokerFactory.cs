using Microsoft.Extensions.Options;
using Tradewire.BrokerGateway.Broker.Alpaca;
using Tradewire.BrokerGateway.Domain;
using Tradewire.Contracts.Execution;

namespace Tradewire.BrokerGateway.Broker;

/// <summary>
/// Makes the broker of one minute step or control action from the ledger's orders: the paper broker takes the
/// working ones as its venue state; the live adapter compares the venue's figures with them.
/// </summary>
public sealed class BrokerFactory(IOptions<BrokerOptions> options, IOptions<PaperBrokerOptions> paper, IHttpClientFactory http,
    ILogger<AlpacaBroker> log, TimeProvider time)
{
    /// <summary>One quota for the account, whichever step, control action or reconciliation calls the venue.</summary>
    public AlpacaRateBudget Budget { get; } = new(options.Value.Alpaca, time);

    public const string AlpacaClient = "alpaca";

    /// <summary>
    /// The broker for the ledger's trading <paramref name="mode"/> (trading_state, not configuration). After a switch
    /// to PAPER the venue adapter stays in use while LIVE orders still work there, so they are never simulated.
    /// </summary>
    public IBroker For(ExecutionMode mode, IReadOnlyDictionary<string, OrderRecord> orders)
    {
        if (mode != ExecutionMode.Live && !orders.Values.Any(o => o is { Status: OrderStatus.Working, ExecutionMode: ExecutionMode.Live }))
            return Paper(orders);
        // A stop leg is found at the venue through its OCO parent, the target of the same group.
        var targets = orders.Values.Where(o => o is { Role: LegRole.Target, OcoGroup: not null })
            .ToDictionary(o => o.OcoGroup!, StringComparer.Ordinal);
        var live = new AlpacaBroker(http.CreateClient(AlpacaClient), options.Value.Alpaca, Budget, log);
        foreach (var order in orders.Values.Where(o => o.Status == OrderStatus.Working))
            live.Restore(order, order.OcoGroup is null ? null : targets.GetValueOrDefault(order.OcoGroup));
        return live;
    }

    /// <summary>The paper broker over the ledger's working orders, whatever the mode (the start-up rehearsal never calls a venue).</summary>
    public PaperBroker Paper(IReadOnlyDictionary<string, OrderRecord> orders) =>
        PaperBroker.With(paper.Value, orders.Values.Where(o => o.Status == OrderStatus.Working));
}
