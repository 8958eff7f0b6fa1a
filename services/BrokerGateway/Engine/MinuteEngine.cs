using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Tradewire.BrokerGateway.Broker;
using Tradewire.BrokerGateway.Domain;
using Tradewire.BrokerGateway.Risk;
using Tradewire.BrokerGateway.Saga;
using Tradewire.Contracts.Market;
using Tradewire.Contracts.Risk;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.BrokerGateway.Engine;

/// <summary>
/// One market minute of the gateway, in a fixed order: (a) the minute's bar fills working orders, (b) the
/// bracket state machines run on those fills (and max hold), (c) pre-trade risk and entries of the brackets
/// requested up to this minute (they fill at the next bar's open), (d) the <see cref="EndOfDay"/>, (e) the sweeper.
/// Works on the <see cref="Book"/> and the <see cref="IBroker"/> and never reads a clock. Each bracket's lifecycle
/// belongs to its <see cref="BracketSaga"/>: the engine detects what happened (a fill, max hold, a risk verdict)
/// and raises it through <paramref name="lifecycle"/>; the saga decides the transition and calls back the
/// actions (<see cref="BookActions"/>) that place legs, cancel siblings and exit.
/// </summary>
public sealed partial class MinuteEngine(IBroker broker, RiskLimits limits, EngineOptions options, BracketLifecycle lifecycle, ILogger? logger = null)
{
    readonly ILogger log = logger ?? NullLogger.Instance;
    EndOfDay? _dayEnd;

    /// <summary>The end-of-day rules this engine applies (tighten, hard flat).</summary>
    EndOfDay DayEnd => _dayEnd ??= new EndOfDay(this, broker, options);

    public async Task Process(Book book, TradingSession session, DateTimeOffset minute, IReadOnlyList<Bar> bars)
    {
        var close = minute.AddMinutes(1);
        StartSessionIfNew(book, session.Date, close);
        book.Status.MarketTime = close;
        book.Status.Dirty = true;
        await ResolveUnknownOutcomes(book, close);

        // The bar's close is the last price before its fills are acted on: legs placed on a fill are checked against it.
        UpdateMarks(book, session.Date, bars);
        foreach (var fill in await broker.OnBars(minute, bars)) // (a)
            await OnFill(book, fill);                       // (b)
        await ResizeProtection(book, close);
        CheckLossLimits(book, close);
        await ApplyPositionStops(book, minute, close);
        await ApplyMaxHold(book, minute, close);
        await SubmitEntries(book, session, minute, close);  // (c)
        await DayEnd.Apply(book, session, close);           // (d)
        await Sweep(book, minute, close);                   // (e)
    }

    /// <summary>Starting equity + realized + unrealized P&amp;L at the last marks; null when a held ticker has no mark.</summary>
    public decimal? Equity(Book book) => book.Equity(limits.StartingEquity);

    /// <summary>
    /// The first minute of a new trading date starts the day's risk state: day-start equity is today's opening
    /// equity, the entries-per-day counts start at zero, and a halt caused by yesterday's daily loss is lifted (the
    /// daily loss stop stops a day, not the system), as is one caused by the session drawdown limit. The session's
    /// peak starts again at the opening equity. Peak equity and every other halt (drawdown, kill switch, operator)
    /// carry over: those need an operator to resume.
    /// </summary>
    void StartSessionIfNew(Book book, DateOnly date, DateTimeOffset at)
    {
        if (book.Status.SessionDate == date)
            return;
        // Unknown equity (a held ticker never marked) leaves the references unknown: entries then fail safe.
        var equity = Equity(book);
        var isNewDay = book.Status.SessionDate is not null;
        book.Status.SessionDate = date;
        book.Status.DayStartEquity = equity;
        book.Status.SessionPeakEquity = equity;
        book.Status.PeakEquity = equity is { } e ? Math.Max(book.Status.PeakEquity ?? e, e) : book.Status.PeakEquity;
        book.EntriesToday.Clear();
        log.LogInformation("Trading session {Date} starts: equity {Equity}, peak {PeakEquity}, state {State}", date, equity, book.Status.PeakEquity, book.Status.State);
        if (isNewDay && book.Status is { State: TradingState.Halted, Reason: LossLimits.DailyLoss or LossLimits.SessionDrawdown })
            ChangeState(book, TradingState.Active, NewTradingDay, "risk", at);
    }

    const string NewTradingDay = "NEW_TRADING_DAY";

    static void UpdateMarks(Book book, DateOnly date, IReadOnlyList<Bar> bars)
    {
        foreach (var bar in bars)
        {
            if (!book.Marks.TryGetValue(bar.Symbol, out var mark))
                book.Marks[bar.Symbol] = mark = new Mark { Ticker = bar.Symbol };
            if (mark.SessionDate != date)
            {
                mark.SessionDate = date;
                mark.SessionOpen = bar.Open;
            }
            mark.LastPrice = bar.Close;
            mark.At = bar.ClosedAt;
            mark.Dirty = true;
        }
    }

    /// <summary>
    /// A daily-loss, session-drawdown or drawdown breach halts entries; exits (legs, stops, max hold, EOD) keep
    /// running. Equity is marked to the minute's closes, so an open loss halts as soon as a booked one would.
    /// </summary>
    void CheckLossLimits(Book book, DateTimeOffset at)
    {
        if (Equity(book) is not { } equity)
            return; // a held ticker without a mark: no entry passes pre-trade risk (EQUITY_UNKNOWN) until it has one
        book.Status.PeakEquity = Math.Max(book.Status.PeakEquity ?? equity, equity);
        book.Status.SessionPeakEquity = Math.Max(book.Status.SessionPeakEquity ?? equity, equity);
        book.Status.DayStartEquity ??= equity;
        if (book.Status.State == TradingState.Halted)
            return;
        var breaches = LossLimits.Breaches(equity, book.Status.DayStartEquity.Value, book.Status.SessionPeakEquity.Value, book.Status.PeakEquity.Value, limits);
        if (breaches.Count > 0)
            Halt(book, at, breaches[0].Code, breaches[0].Observed, breaches[0].Threshold, equity);
    }

    void Halt(Book book, DateTimeOffset at, string code, decimal observed, decimal threshold, decimal equity)
    {
        Raise(book, at, code, Severity.Critical, null, null, "risk", new { observed, threshold, equity, effect = "entries halted, exits continue" });
        ChangeState(book, TradingState.Halted, code, "risk", at);
    }

    /// <summary>Sets the trading state (no-op when unchanged), records the history row and publishes the change.</summary>
    public static void ChangeState(Book book, TradingState state, string reason, string actor, DateTimeOffset at)
    {
        var previous = book.Status.State;
        if (previous == state)
            return;
        book.Status.State = state;
        book.Status.Reason = reason;
        book.Status.Actor = actor;
        book.Status.Dirty = true;
        book.StateChanges.Add((state, previous, reason, actor, at));
        book.Outgoing.Add(new TradingStateChanged { State = state, Previous = previous, Reason = reason, Actor = actor, At = at });
    }

    /// <summary>Records a risk event and publishes it; <paramref name="detail"/> holds observed and threshold values.</summary>
    public static void Raise(Book book, DateTimeOffset at, string code, Severity severity, string? ticker, Guid? executionId, string actor, object detail, Guid? eventId = null)
    {
        var json = JsonSerializer.Serialize(detail);
        // Deterministic id: the same minute replayed produces the same event ids.
        var id = eventId ?? DeterministicGuid($"{at:O}|{code}|{ticker}|{executionId}|{book.NewRiskEvents.Count}");
        book.NewRiskEvents.Add(new RiskEventRecord(id, at, code, severity, ticker, executionId, actor, json));
        book.Outgoing.Add(new RiskEventRaised { EventId = id, ReasonCode = code, Severity = severity, Ticker = ticker, ExecutionId = executionId, DetailJson = json, At = at });
    }

    static Guid DeterministicGuid(string text)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text));
        return new Guid(hash.AsSpan(0, 16));
    }
}
