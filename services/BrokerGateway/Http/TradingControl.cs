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
    BrokerFactory brokers, IOptions<EngineOptions> options, Saga.BracketLifecycle lifecycle)
{
    /// <summary><paramref name="BlockedMs"/>: until HALTED was committed (no new entry from then on); <paramref name="ElapsedMs"/>: until flat was committed.</summary>
    public sealed record Outcome(string State, bool Flat, int OrdersCancelled, int PositionsClosed, double ElapsedMs, double BlockedMs = 0,
        double DecidedMs = 0, double SavedMs = 0);

    /// <summary>
    /// The kill switch, in two transactions: first HALTED is committed (and broadcast), so entries are blocked
    /// as soon as possible whatever the book's size; then every order is cancelled and every position closed.
    /// A minute step that runs between the two sees HALTED: it opens nothing, and its exits only help.
    /// </summary>
    public async Task<Outcome> Flatten(string actor, string reason)
    {
        var watch = Stopwatch.StartNew();
        await using (var halt = await db.Database.BeginTransactionAsync())
        {
            var status = await BookStore.LoadStatus(db);
            var book = new Book { Status = status };
            MinuteEngine.ChangeState(book, TradingStates.Halted, "KILL_SWITCH: " + reason, actor, status.MarketTime ?? DateTimeOffset.UnixEpoch);
            await Save(book);
            await halt.CommitAsync();
        }
        var blockedMs = watch.Elapsed.TotalMilliseconds;

        await using var tx = await db.Database.BeginTransactionAsync();
        var loaded = await BookStore.Load(db, null);
        await BookStore.LoadSagas(db, loaded);
        var loadMs = watch.Elapsed.TotalMilliseconds;
        var at = loaded.Status.MarketTime ?? DateTimeOffset.UnixEpoch;
        var working = loaded.Orders.Values.Count(o => o.Status == Domain.OrderStatus.Working);
        var open = loaded.Positions.Values.Count(p => p.Qty != 0);
        var flat = await new MinuteEngine(brokers.For(loaded.Orders), limits.Value, options.Value, lifecycle).Flatten(loaded, at, "KILL_SWITCH");
        // Time from the request to every cancel and close decided at the broker (the write of this very event
        // and the commit follow; the HTTP answer reports the total).
        var elapsed = watch.Elapsed.TotalMilliseconds;
        MinuteEngine.Raise(loaded, at, "KILL_SWITCH", flat ? "CRITICAL" : "EMERGENCY", null, null, actor,
            new
            {
                reason, flat, ordersCancelled = working, positionsClosed = open, blockedMs = Math.Round(blockedMs, 1),
                elapsedMs = Math.Round(elapsed, 1), loadMs = Math.Round(loadMs, 1),
            }, Guid.NewGuid());
        await Save(loaded);
        var savedMs = watch.Elapsed.TotalMilliseconds;
        await tx.CommitAsync();
        return new Outcome(loaded.Status.State, flat, working, open, watch.Elapsed.TotalMilliseconds, blockedMs, Math.Round(elapsed, 1), Math.Round(savedMs, 1));
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
