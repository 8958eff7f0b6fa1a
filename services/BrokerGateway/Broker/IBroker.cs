using Tradewire.BrokerGateway.Domain;
using Tradewire.Contracts.Market;

namespace Tradewire.BrokerGateway.Broker;

/// <summary>
/// The broker as the bracket logic sees it. The paper broker implements it on market time; a live adapter
/// implements the same calls against a venue. Every call is keyed by the deterministic client order id, so a
/// repeated call is idempotent at the broker.
/// </summary>
public interface IBroker
{
    /// <summary>Places an order. <see cref="AckStatus.NoAnswer"/> means the outcome is unknown: query, never resubmit.</summary>
    BrokerAck Submit(OrderRecord order);

    /// <summary>Cancels the unfilled rest. <see cref="AckStatus.Rejected"/> when it is already filled (a cancel lost the race).</summary>
    BrokerAck Cancel(string clientOrderId);

    /// <summary>Changes a working order's total quantity and/or stop price (legs follow the entry's filled qty; EOD tightens stops).</summary>
    BrokerAck Amend(string clientOrderId, decimal? newQty, decimal? newStopPrice);

    /// <summary>What the broker knows about the order, or null if it never received it.</summary>
    BrokerOrderView? Query(string clientOrderId);

    /// <summary>Fills produced by this minute's bars (paper), or reported since the last call (live).</summary>
    IReadOnlyList<BrokerFill> OnBars(DateTimeOffset minute, IReadOnlyList<Bar> bars);

    /// <summary>
    /// Fills working market orders now (flatten, end of day) at <paramref name="prices"/> by ticker: the paper
    /// broker at that price, a live adapter by waiting for the venue's fills. Tickers without a price stay working.
    /// </summary>
    IReadOnlyList<BrokerFill> FillMarketOrdersNow(IReadOnlyDictionary<string, decimal> prices, DateTimeOffset at);
}

public enum AckStatus { Accepted, Rejected, NoAnswer }

public sealed record BrokerAck(AckStatus Status, string? Reason = null)
{
    public static readonly BrokerAck Ok = new(AckStatus.Accepted);
}

public sealed record BrokerOrderView(string ClientOrderId, OrderStatus Status, decimal Qty, decimal FilledQty);

/// <summary>One execution of <paramref name="Qty"/> shares at <paramref name="Price"/>, at market time <paramref name="At"/>.</summary>
public sealed record BrokerFill(string ClientOrderId, decimal Qty, decimal Price, DateTimeOffset At);
