using Microsoft.Extensions.Options;
using Tradewire.BrokerGateway.Broker.Alpaca;
using Tradewire.BrokerGateway.Domain;

namespace Tradewire.BrokerGateway.Broker;

/// <summary>
/// Makes the broker of one minute step or control action from the ledger's orders: the paper broker takes the
/// working ones as its venue state; the live adapter compares the venue's figures with them.
/// </summary>
public sealed class BrokerFactory(IOptions<BrokerOptions> options, IOptions<PaperBrokerOptions> paper, IHttpClientFactory http,
    ILogger<AlpacaBroker> log)
{
    public const string AlpacaClient = "alpaca";

    public IBroker For(IReadOnlyDictionary<string, OrderRecord> orders)
    {
        if (options.Value.Mode != BrokerOptions.Live)
            return Paper(orders);
        var working = orders.Values.Where(o => o.Status == OrderStatus.Working).ToList();
        var live = new AlpacaBroker(http.CreateClient(AlpacaClient), options.Value.Alpaca, log);
        foreach (var order in working)
            live.Restore(order, order.OcoGroup is null ? null
                : orders.Values.FirstOrDefault(o => o.OcoGroup == order.OcoGroup && o.Role == LegRole.Target));
        return live;
    }

    /// <summary>The paper broker over the ledger's working orders, whatever the mode (the start-up rehearsal never calls a venue).</summary>
    public PaperBroker Paper(IReadOnlyDictionary<string, OrderRecord> orders) =>
        PaperBroker.With(paper.Value, orders.Values.Where(o => o.Status == OrderStatus.Working));
}
