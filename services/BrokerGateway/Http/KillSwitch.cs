using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Options;
using Tradewire.BrokerGateway.Broker;
using Tradewire.BrokerGateway.Domain;
using Tradewire.BrokerGateway.Engine;
using Tradewire.BrokerGateway.Persistence;
using Tradewire.BrokerGateway.Risk;
using Tradewire.Contracts.Execution;
using Tradewire.Contracts.Risk;
using Tradewire.Contracts.Signals;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.BrokerGateway.Http;

/// <summary>
/// The kill switch. Pressed by <c>POST /flatten</c>, by <c>KILL_SWITCH=1</c> at start-up
/// (<see cref="KillSwitchAtStartup"/>) or while running (<see cref="KillSwitchWatch"/>, <see cref="KillSwitchSetting"/>).
/// A press is two transactions: HALTED is committed first, on the trading state alone, without the book's lock and
/// without calling the venue, so no new entry can start however slow the venue is; then every working order is
/// cancelled and every position closed at market (<see cref="MinuteEngine.Flatten"/>, shared with the end of day).
/// The flatten's duration is measured on the wall clock: it is a latency, not market logic.
/// </summary>
public sealed class KillSwitch(BrokerGatewayDbContext db, IPublishEndpoint publish, IOptions<RiskLimits> limits,
    BrokerFactory brokers, IOptions<EngineOptions> options, Saga.BracketLifecycle lifecycle, IMarketCalendar calendar, ILogger<KillSwitch> log)
{
    /// <summary>
    /// Presses the kill switch: HALTED committed (and broadcast) first, so entries are blocked whatever the book's
    /// size; then every order cancelled and every position closed. A minute step that runs between the two sees
    /// HALTED: it opens nothing, and its exits only help.
    /// </summary>
    public Task<TradingControl.Outcome> Press(string actor, string reason) => Press(actor, reason, rehearsal: false);

    /// <summary>
    /// The kill switch rehearsed at start-up (<see cref="KillSwitchAtStartup"/>): a synthetic bracket is taken
    /// through entry, fill, OCO legs and a flatten, then both transactions run on the current book, and everything
    /// is rolled back. The paper broker is used whatever the mode, so no venue is called and nothing changes. Why:
    /// the first flatten of a fresh process pays its code's first runs (JIT, first queries) and is several times
    /// slower than the next ones, and the first press of the kill switch is the one that matters.
    /// </summary>
    public Task<TradingControl.Outcome> Rehearse() => Press("startup", "kill switch rehearsal (rolled back)", rehearsal: true);

    async Task<TradingControl.Outcome> Press(string actor, string reason, bool rehearsal)
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
        MinuteEngine.Raise(loaded, at, "KILL_SWITCH", flat ? Severity.Critical : Severity.Emergency, null, null, actor,
            new
            {
                reason, flat, ordersCancelled = working, positionsClosed = open, blockedMs = Math.Round(blockedMs, 1),
                elapsedMs = Math.Round(elapsed, 1), loadMs = Math.Round(loadMs, 1),
            }, Guid.NewGuid());
        await TradingControl.Save(db, publish, loaded);
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
        return new TradingControl.Outcome(loaded.Status.State, flat, working, open, watch.Elapsed.TotalMilliseconds, blockedMs, Math.Round(elapsed, 1), Math.Round(savedMs, 1));
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
            ExecutionId = Guid.NewGuid(), RecommendationId = 0, Ticker = "ZZREHEARSAL", Side = OrderSide.Buy, Action = TradeAction.BuyStock,
            InstrumentType = InstrumentType.Stock, Qty = 10, EntryPrice = 100m, StopLossPrice = 95m, TakeProfitPrice = 110m, MaxHoldMinutes = 390,
            DecisionTs = minute.AddMinutes(1), SignalTs = minute, Confidence = 1m, ConfigSha = "rehearsal", ExecutionMode = ExecutionMode.Paper,
        };
        await Consumers.PlaceBracketOrderConsumer.Store(db, lifecycle, command);
        var book = new Book { Status = new TradingStatus { State = TradingState.Active } };
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
        await TradingControl.Save(db, publish, book);
    }
}
