using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Options;
using Tradewire.BrokerGateway.Broker;
using Tradewire.BrokerGateway.Engine;
using Tradewire.BrokerGateway.Persistence;
using Tradewire.BrokerGateway.Risk;

namespace Tradewire.BrokerGateway.Http;

/// <summary>
/// Operator control actions (flatten, pause, resume), each in one transaction through the bus outbox, each
/// audited in <c>risk_events</c> with actor and reason. Market time for the records is the last minute the
/// gateway processed; the flatten's own duration is measured on the wall clock (it is a latency, not market logic).
/// </summary>
public sealed class TradingControl(BrokerGatewayDbContext db, IPublishEndpoint publish, IOptions<RiskLimits> limits,
    IOptions<PaperBrokerOptions> paper, IOptions<EngineOptions> options, Saga.BracketLifecycle lifecycle)
{
    public sealed record Outcome(string State, bool Flat, int OrdersCancelled, int PositionsClosed, double ElapsedMs);

    public async Task<Outcome> Flatten(string actor, string reason)
    {
        var watch = Stopwatch.StartNew();
        await using var tx = await db.Database.BeginTransactionAsync();
        var book = await BookStore.Load(db, null);
        var loadMs = watch.Elapsed.TotalMilliseconds;
        var at = book.Status.MarketTime ?? DateTimeOffset.UnixEpoch;
        var working = book.Orders.Values.Count(o => o.Status == Domain.OrderStatus.Working);
        var open = book.Positions.Values.Count(p => p.Qty != 0);
        MinuteEngine.ChangeState(book, TradingStates.Halted, "KILL_SWITCH: " + reason, actor, at);
        var broker = new PaperBroker(paper.Value);
        foreach (var order in book.Orders.Values.Where(o => o.Status == Domain.OrderStatus.Working))
            broker.Restore(order);
        var flat = await new MinuteEngine(broker, limits.Value, options.Value, lifecycle).Flatten(book, at, "KILL_SWITCH");
        // Time from the request to every cancel and close decided at the broker (the write of this very event
        // and the commit follow; the HTTP answer reports the total).
        var elapsed = watch.Elapsed.TotalMilliseconds;
        MinuteEngine.Raise(book, at, "KILL_SWITCH", flat ? "CRITICAL" : "EMERGENCY", null, null, actor,
            new { reason, flat, ordersCancelled = working, positionsClosed = open, elapsedMs = Math.Round(elapsed, 1), loadMs = Math.Round(loadMs, 1) }, Guid.NewGuid());
        await Save(book);
        await tx.CommitAsync();
        return new Outcome(book.Status.State, flat, working, open, watch.Elapsed.TotalMilliseconds);
    }

    /// <summary>PAUSED, REDUCING, ACTIVE: new entries only in ACTIVE; exits always run.</summary>
    public async Task<Outcome> SetState(string state, string actor, string reason)
    {
        await using var tx = await db.Database.BeginTransactionAsync();
        var book = await BookStore.Load(db, null);
        var at = book.Status.MarketTime ?? DateTimeOffset.UnixEpoch;
        var previous = book.Status.State;
        MinuteEngine.ChangeState(book, state, reason, actor, at);
        MinuteEngine.Raise(book, at, "TRADING_STATE_" + state, "INFO", null, null, actor, new { previous, state, reason }, Guid.NewGuid());
        await Save(book);
        await tx.CommitAsync();
        return new Outcome(state, MinuteEngine.IsFlat(book), 0, 0, 0);
    }

    async Task Save(Book book)
    {
        await BookStore.Save(db, book);
        foreach (var message in book.Outgoing)
            await publish.Publish(message);
        await db.SaveChangesAsync();
    }
}
