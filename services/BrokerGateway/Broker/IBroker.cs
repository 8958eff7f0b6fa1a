using Tradewire.BrokerGateway.Domain;
using Tradewire.Contracts.Domain;
using Tradewire.Contracts.Execution;
using Tradewire.Contracts.Market;

namespace Tradewire.BrokerGateway.Broker;

/// <summary>
/// The broker as the bracket logic sees it. The paper broker implements it on market time; the live adapter
/// (<see cref="Alpaca.AlpacaBroker"/>) implements the same calls against a venue. Every call is keyed by the
/// deterministic client order id, so a repeated call is idempotent at the broker. A broker is made for one minute
/// step (<see cref="BrokerFactory"/>), knowing the ledger's working orders.
/// </summary>
public interface IBroker
{
    /// <summary>PAPER or LIVE: a bracket is executed only by a broker of its own mode, never simulated as if it had traded.</summary>
    ExecutionMode ExecutionMode { get; }

    /// <summary>Places an order. <see cref="AckStatus.NoAnswer"/> means the outcome is unknown: query, never resubmit.</summary>
    Task<BrokerAck> Submit(OrderRecord order);

    /// <summary>
    /// Places a stop and a target as one OCO pair for the same position (a venue refuses two separate sell orders
    /// that together exceed the position): the first to fill cancels the other at the venue.
    /// </summary>
    Task<BrokerAck> SubmitOco(OrderRecord stop, OrderRecord target);

    /// <summary>
    /// Asks to cancel the unfilled rest. <see cref="AckStatus.Accepted"/> means asked, not done: a venue answers at
    /// once and carries the cancel out a moment later (<see cref="AwaitCancels"/>), and a fill may still come first.
    /// <see cref="AckStatus.Rejected"/> when it is no longer working (filled, or already cancelled).
    /// </summary>
    Task<BrokerAck> Cancel(string clientOrderId);

    /// <summary>
    /// Waits, bounded, until the venue has carried out the cancels asked for (no order still pending), and returns
    /// each order's view then (null: the venue never had it). An order still working is one whose cancel is pending.
    /// </summary>
    Task<IReadOnlyDictionary<string, BrokerOrderView?>> AwaitCancels(IReadOnlyCollection<string> clientOrderIds);

    /// <summary>Fills the venue made since the ledger's figures, read without a bar (a fill that raced a cancel); none for paper.</summary>
    Task<IReadOnlyList<BrokerFill>> ReadFills(DateTimeOffset at);

    /// <summary>
    /// Whether <see cref="Amend"/> can change an OCO leg's quantity. Alpaca replaces only the prices of an OCO's legs,
    /// so there the pair is cancelled and placed again for the new quantity.
    /// </summary>
    bool ResizesOcoLegs => true;

    /// <summary>Changes a working order's total quantity and/or stop price (legs follow the entry's filled qty; EOD tightens stops).</summary>
    Task<BrokerAck> Amend(string clientOrderId, decimal? newQty, decimal? newStopPrice);

    /// <summary>What the broker knows about the order, or null if it never received it.</summary>
    Task<BrokerOrderView?> Query(string clientOrderId);

    /// <summary>Fills produced by this minute's bars (paper), or reported by the venue since the ledger's state (live).</summary>
    Task<IReadOnlyList<BrokerFill>> OnBars(DateTimeOffset minute, IReadOnlyList<Bar> bars);

    /// <summary>
    /// Fills working market orders now (flatten, end of day) at <paramref name="prices"/> by ticker: the paper
    /// broker at that price, a live adapter by waiting (bounded) for the venue's fills. Orders left unfilled stay
    /// working and the caller reports the book as not flat.
    /// </summary>
    Task<IReadOnlyList<BrokerFill>> FillMarketOrdersNow(IReadOnlyDictionary<string, decimal> prices, DateTimeOffset at);
}

public enum AckStatus { Accepted, Rejected, NoAnswer }

/// <summary>
/// The broker's answer. <paramref name="Faults"/> lists what went wrong on the way even when the call ended well
/// (an HTTP 500 then a success on retry, a timeout whose order turned out to exist): the engine records them as
/// BROKER_FAULT risk events, so a flaky venue is visible even when no order was harmed.
/// </summary>
public sealed record BrokerAck(AckStatus Status, string? Reason = null, IReadOnlyList<string>? Faults = null)
{
    public static readonly BrokerAck Ok = new(AckStatus.Accepted);
}

public sealed record BrokerOrderView(string ClientOrderId, OrderStatus Status, decimal Qty, decimal FilledQty);

/// <summary>
/// One execution of <paramref name="Qty"/> shares at <paramref name="Price"/>, at market time <paramref name="At"/>.
/// Typed so that a broker cannot report a fill of no shares, of a fraction of a share or at no price: the broker
/// that reads such a thing throws where it reads it, before the ledger sees it.
/// </summary>
public sealed record BrokerFill(string ClientOrderId, Quantity Qty, Price Price, DateTimeOffset At);
