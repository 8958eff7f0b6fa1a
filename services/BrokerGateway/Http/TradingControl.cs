using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tradewire.BrokerGateway.Broker;
using Tradewire.BrokerGateway.Domain;
using Tradewire.BrokerGateway.Engine;
using Tradewire.BrokerGateway.Persistence;
using Tradewire.BrokerGateway.Risk;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.BrokerGateway.Http;

/// <summary>
/// Operator control actions (flatten, pause, resume), each in one transaction through the bus outbox, each
/// audited in <c>risk_events</c> with actor and reason. Market time for the records is the last minute the
/// gateway processed; the flatten's own duration is measured on the wall clock (it is a latency, not market logic).
/// </summary>
public sealed class TradingControl(BrokerGatewayDbContext db, IPublishEndpoint publish, IOptions<RiskLimits> limits,
    BrokerFactory brokers, IOptions<EngineOptions> options, Saga.BracketLifecycle lifecycle, IMarketCalendar calendar, ILogger<TradingControl> log)
{
    /// <summary><paramref name="BlockedMs"/>: until HALTED was committed (no new entry from then on); <paramref name="ElapsedMs"/>: until flat was committed.</summary>
    public sealed record Outcome(string State, bool Flat, int OrdersCancelled, int PositionsClosed, double ElapsedMs, double BlockedMs = 0,
        double DecidedMs = 0, double SavedMs = 0);

    /// <summary>
    /// The kill switch, in two transactions: first HALTED is committed (and broadcast), so entries are blocked
    /// as soon as possible whatever the book's size; then every order is cancelled and every position closed.
    /// A minute step that runs between the two sees HALTED: it opens nothing, and its exits only help.
    /// </summary>
    public Task<Outcome> Flatten(string actor, string reason) => Flatten(actor, reason, rehearsal: false);

    /// <summary>
    /// The kill switch rehearsed at start-up (<see cref="KillSwitchAtStartup"/>): a synthetic bracket is taken
    /// through entry, fill, OCO legs and a flatten, then both transactions run on the current book, and everything
    /// is rolled back. The paper broker is used whatever the mode, so no venue is called and nothing changes. Why:
    /// the first flatten of a fresh process pays its code's first runs (JIT, first queries) and takes several times
    /// as long as the next ones (<c>./tradewire bench-kill</c> shows it), and the first press of the kill switch is
    /// the one that matters.
    /// </summary>
    public Task<Outcome> Rehearse() => Flatten("startup", "kill switch rehearsal (rolled back)", rehearsal: true);

    async Task<Outcome> Flatten(string actor, string reason, bool rehearsal)
    {
        var watch = Stopwatch.StartNew();
        if (!rehearsal)
            log.LogCritical("Kill switch pressed by {Actor}: {Reason}; halting entries and flattening", actor, reason);
        // HALTED is committed without the book's lock: a minute step may hold it while it waits on the venue.
        await using (var halt = await db.Database.BeginTransactionAsync())
        {
            var status = await BookStore.LoadStatus(db);
            var book = new Book { Status = status };
            await HaltStore.Engage(db, book, "KILL_SWITCH: " + reason, actor, status.MarketTime ?? DateTimeOffset.UnixEpoch);
            foreach (var message in book.Outgoing)
                await publish.Publish(message);
            await db.SaveChangesAsync();
            await (rehearsal ? halt.RollbackAsync() : halt.CommitAsync());
        }
        var blockedMs = watch.Elapsed.TotalMilliseconds;

        await using var tx = await db.Database.BeginTransactionAsync();
        if (rehearsal)
            await RehearseOneBracket();
        var loaded = await BookStore.Load(db, null);
        await BookStore.LoadSagas(db, loaded);
        var loadMs = watch.Elapsed.TotalMilliseconds;
        var at = loaded.Status.MarketTime ?? DateTimeOffset.UnixEpoch;
        var working = loaded.Orders.Values.Count(o => o.Status == Domain.OrderStatus.Working);
        var open = loaded.Positions.Values.Count(p => p.Qty != 0);
        var broker = rehearsal ? brokers.Paper(loaded.Orders) : brokers.For(loaded.Status.Mode, loaded.Orders);
        var flat = await new MinuteEngine(broker, limits.Value, options.Value, lifecycle, rehearsal ? null : log).Flatten(loaded, at, "KILL_SWITCH");
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
        if (rehearsal)
        {
            await tx.RollbackAsync();
            db.ChangeTracker.Clear(); // the rolled-back rows must not be saved by a later SaveChanges of this scope
        }
        else
        {
            await tx.CommitAsync();
            log.Log(flat ? LogLevel.Warning : LogLevel.Critical, "Kill switch by {Actor}: {Result}, {Orders} working orders cancelled, {Positions} positions closed, {ElapsedMs:F0} ms",
                actor, flat ? "flat" : "NOT FLAT", working, open, watch.Elapsed.TotalMilliseconds);
        }
        return new Outcome(loaded.Status.State, flat, working, open, watch.Elapsed.TotalMilliseconds, blockedMs, Math.Round(elapsed, 1), Math.Round(savedMs, 1));
    }

    /// <summary>
    /// A bracket that exists only inside the rehearsal's transaction (ticker ZZREHEARSAL, on a book of its own):
    /// stored and its saga started as a command would, entered and filled over two minutes, protected by its
    /// OCO pair, then flattened and saved: every path the kill switch takes on a real bracket.
    /// </summary>
    async Task RehearseOneBracket()
    {
        var session = calendar.NextSession(new DateOnly(2026, 1, 2)); // any regular session: nothing is committed
        var minute = session.OpenUtc.AddMinutes(30);
        var command = new Contracts.Execution.PlaceBracketOrder
        {
            ExecutionId = Guid.NewGuid(), RecommendationId = 0, Ticker = "ZZREHEARSAL", Side = "BUY", Action = "BUY_STOCK",
            InstrumentType = "STOCK", Qty = 10, EntryPrice = 100m, StopLossPrice = 95m, TakeProfitPrice = 110m, MaxHoldMinutes = 390,
            DecisionTs = minute.AddMinutes(1), SignalTs = minute, Confidence = 1m, ConfigSha = "rehearsal", ExecutionMode = BrokerOptions.Paper,
        };
        await Consumers.PlaceBracketOrderConsumer.Store(db, lifecycle, command);
        var book = new Book { Status = new TradingStatus { State = TradingStates.Active } };
        book.Brackets[command.ExecutionId] = (await BookStore.LoadBracket(db, command.ExecutionId))!;
        await BookStore.LoadSagas(db, book);
        var engine = new MinuteEngine(brokers.Paper(book.Orders), limits.Value, options.Value, lifecycle);
        foreach (var m in new[] { minute, minute.AddMinutes(1) })
            await engine.Process(book, session, m, [new Contracts.Market.Bar
            {
                Symbol = command.Ticker, Minute = m, Open = 100m, High = 100m, Low = 100m, Close = 100m, Volume = 100_000,
            }]);
        await engine.Flatten(book, minute.AddMinutes(2), "KILL_SWITCH");
        // Every path ran only if the bracket went all the way (entry filled, legs placed, exited at market).
        if (book.Brackets[command.ExecutionId] is not { State: BracketState.Closed, ExitReason: "KILL_SWITCH", FilledQty: 10 })
            throw new InvalidOperationException($"the rehearsal bracket ended {book.Brackets[command.ExecutionId].State}, not closed by the kill switch");
        await Save(book);
    }

    /// <summary>PAUSED, REDUCING, ACTIVE: new entries only in ACTIVE; exits always run.</summary>
    public async Task<Outcome> SetState(string state, string actor, string reason)
    {
        await using var tx = await db.Database.BeginTransactionAsync();
        var book = await BookStore.Load(db, null);
        var at = book.Status.MarketTime ?? DateTimeOffset.UnixEpoch;
        var previous = book.Status.State;
        if (state != TradingStates.Halted)
            await HaltStore.Release(db); // the operator's new state ends the kill switch's halt
        MinuteEngine.ChangeState(book, state, reason, actor, at);
        MinuteEngine.Raise(book, at, "TRADING_STATE_" + state, "INFO", null, null, actor, new { previous, state, reason }, Guid.NewGuid());
        await Save(book);
        await tx.CommitAsync();
        log.LogWarning("Trading state {Previous} -> {State} by {Actor}: {Reason}", previous, state, actor, reason);
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
