using Tradewire.BrokerGateway.Broker;
using Tradewire.BrokerGateway.Domain;
using Tradewire.BrokerGateway.Risk;
using Tradewire.BrokerGateway.Saga;
using Tradewire.Contracts.Execution;
using Tradewire.Contracts.Risk;
using Tradewire.Contracts.Signals;
using Tradewire.Contracts;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.BrokerGateway.Engine;

public sealed partial class MinuteEngine
{
    /// <summary>(c) Risk and entry of every bracket requested up to this minute, in decision order.</summary>
    async Task SubmitEntries(Book book, TradingSession session, DateTimeOffset minute, DateTimeOffset close)
    {
        var cutoff = DayEnd.FlatAt(session);
        foreach (var bracket in book.Brackets.Values.Where(b => b.State == BracketState.Requested && b.DispatchMinute <= minute)
                     .OrderBy(b => b.DecisionTs).ThenBy(b => b.ExecutionId).ToList())
        {
            if (book.Status.AllowsEntries && book.HaltCheck is { } haltCheck && await haltCheck() is { } halt)
                book.Status.Halted(halt); // the kill switch engaged while this step was running
            if (!book.Status.AllowsEntries)
            {
                await Refuse(book, bracket, close, [new RiskFinding($"TRADING_{Wire.Name(book.Status.State)}", 0, 0)]);
                continue;
            }
            if (bracket.ExecutionMode != broker.ExecutionMode)
            {
                // A LIVE command must never be simulated as if it had traded, nor a PAPER one sent to a venue.
                await Refuse(book, bracket, close, [new RiskFinding("EXECUTION_MODE_MISMATCH", 0, 0, Severity.Critical)]);
                continue;
            }
            var input = RiskInputFor(book, bracket, close, session.Contains(minute) && close < cutoff);
            var decision = PreTradeRisk.Evaluate(input, limits);
            log.LogDebug("Sizing {Ticker} {ExecutionId}: planned {PlannedQty} at {Price} stop {StopPrice}; equity {Equity}, exposure {SymbolExposure}/{GrossExposure}, " +
                "open risk {OpenRisk} -> qty {Qty}, binding {BindingLimit}", bracket.Ticker, bracket.ExecutionId, input.PlannedQty, input.LastPrice ?? input.EntryPrice,
                input.StopPrice, input.Equity, input.SymbolExposure, input.GrossExposure, input.OpenRisk, decision.Qty, decision.BindingLimit);
            log.LogInformation("Pre-trade risk {Verdict} {Ticker} {ExecutionId}: qty {Qty} of {PlannedQty}{Reason}", decision.Approved ? "PASS" : "REJECT",
                bracket.Ticker, bracket.ExecutionId, decision.Qty, decision.PlannedQty,
                decision.Findings.Count > 0 ? $" ({string.Join(", ", decision.Findings.Select(f => $"{f.Code} observed={f.Observed} threshold={f.Threshold}"))})" : "");
            if (!decision.Approved)
            {
                await Refuse(book, bracket, close, decision.Findings);
                continue;
            }
            if (decision.Reduced)
                Raise(book, close, "ORDER_REDUCED", Severity.Info, bracket.Ticker, bracket.ExecutionId, "risk",
                    new { plannedQty = decision.PlannedQty, sentQty = decision.Qty, bindingLimit = decision.BindingLimit });
            bracket.Qty = decision.Qty;
            var entry = NewOrder(bracket, LegRole.Entry, bracket.Side, decision.Qty, OrderType.Market, minute.AddMinutes(1));
            book.Orders[entry.ClientOrderId] = entry;
            book.EntriesToday[bracket.Ticker] = book.EntriesToday.GetValueOrDefault(bracket.Ticker) + 1;
            log.LogInformation("Order intent {ClientOrderId}: entry {Side} {Qty} {Ticker} at market, stop {StopPrice}, target {TargetPrice} ({Mode})",
                entry.ClientOrderId, Wire.Name(entry.Side), entry.Qty, entry.Ticker, bracket.StopPrice, bracket.TargetPrice, entry.ExecutionMode);
            var ack = Noted(book, await broker.Submit(entry), "submit", entry, close);
            if (ack.Status == AckStatus.Rejected)
                entry.Status = OrderStatus.Rejected;
            await Apply(book, ack.Status switch
            {
                AckStatus.Accepted => new BracketEntryAccepted(bracket.ExecutionId, close),
                AckStatus.Rejected => new BracketEntryRejected(bracket.ExecutionId, close, ack.Reason ?? "BROKER_REJECTED"),
                _ => (IBracketEvent)new BracketEntryUnanswered(bracket.ExecutionId, close),
            });
        }
    }

    RiskInput RiskInputFor(Book book, Bracket b, DateTimeOffset close, bool marketOpen)
    {
        // Yesterday's close and open are not today's price: a ticker without a bar yet today has no last price or
        // session open for the slippage and symbol-move checks (both fail open without data).
        var mark = book.Marks.GetValueOrDefault(b.Ticker) is { } m0 && m0.SessionDate == book.Status.SessionDate ? m0 : null;
        // Exposure needs a price for every open position: one without a mark makes exposure unknown (fail safe).
        // Entries accepted but not filled yet count as exposure at their reference price.
        var gross = book.Exposure();
        var symbol = gross is null ? null : book.Exposure(b.Ticker);
        return new RiskInput
        {
            Ticker = b.Ticker, IsShort = b.Side == OrderSide.Sell || b.Action == TradeAction.BuyPut, PlannedQty = b.PlannedQty,
            EntryPrice = b.EntryPrice, StopPrice = b.StopPrice, MinuteClose = close, SignalTs = b.SignalTs, MarketOpen = marketOpen,
            LastPrice = mark?.LastPrice, SessionOpenPrice = mark?.SessionOpen, SpreadBps = null, // bars carry no spread: fail open
            Equity = Equity(book), DayStartEquity = book.Status.DayStartEquity, PeakEquity = book.Status.PeakEquity,
            SessionPeakEquity = book.Status.SessionPeakEquity, SymbolExposure = symbol, GrossExposure = gross, OpenRisk = book.OpenRisk(),
            SymbolOrdersToday = book.EntriesToday.GetValueOrDefault(b.Ticker), OrdersToday = book.EntriesToday.Values.Sum(),
        };
    }

    async Task Refuse(Book book, Bracket bracket, DateTimeOffset at, IReadOnlyList<RiskFinding> findings)
    {
        var first = findings[0];
        Raise(book, at, first.Code, first.Severity, bracket.Ticker, bracket.ExecutionId, "risk", new
        {
            plannedQty = bracket.PlannedQty, observed = first.Observed, threshold = first.Threshold,
            findings = findings.Select(f => new { f.Code, f.Observed, f.Threshold }),
        });
        await Apply(book, new BracketRiskRejected(bracket.ExecutionId, at, first.Code));
    }

    static void CloseRejected(Book book, Bracket bracket, DateTimeOffset at, string reason)
    {
        bracket.ExitReason = "REJECTED:" + reason;
        bracket.ClosedAt = at;
        book.Outgoing.Add(new BracketClosed
        {
            ExecutionId = bracket.ExecutionId, Ticker = bracket.Ticker, ExitReason = "REJECTED", FilledQty = 0, RealizedPnl = 0, ClosedAt = at,
        });
    }

    /// <summary>An unanswered entry is resolved by asking the broker for its client order id, never by resubmitting.</summary>
    async Task ResolveUnknownOutcomes(Book book, DateTimeOffset at)
    {
        foreach (var bracket in book.Brackets.Values.Where(b => b.State == BracketState.OutcomeUnknown).ToList())
        {
            var entry = book.Order(bracket, LegRole.Entry)!;
            var view = await broker.Query(entry.ClientOrderId);
            if (view is null)
            {
                // The broker never got it: the entry did not happen. (Retrying with the same id would also be safe.)
                entry.Status = OrderStatus.Rejected;
                entry.Dirty = true;
                await Apply(book, new BracketEntryRejected(bracket.ExecutionId, at, "ENTRY_NOT_AT_BROKER"));
                continue;
            }
            if (view.Status == OrderStatus.Rejected)
            {
                entry.Status = OrderStatus.Rejected;
                entry.Dirty = true;
                await Apply(book, new BracketEntryRejected(bracket.ExecutionId, at, "BROKER_REJECTED"));
                continue;
            }
            await Apply(book, new BracketEntryAccepted(bracket.ExecutionId, at));
            Raise(book, at, "OUTCOME_RESOLVED", Severity.Info, bracket.Ticker, bracket.ExecutionId, "engine", new { entry.ClientOrderId, status = Wire.Name(view.Status) });
        }
    }

    /// <summary>
    /// The per-position stop loss: a bracket holding shares whose loss at the minute's close reaches the limit is
    /// exited at market, like max hold (legs cancelled first, then one exit).
    /// </summary>
    async Task ApplyPositionStops(Book book, DateTimeOffset minute, DateTimeOffset close)
    {
        foreach (var bracket in book.Brackets.Values.Where(b => b.State is BracketState.Protected or BracketState.EntryPartial && b.AvgEntryPrice is > 0).ToList())
        {
            if (book.LastPrice(bracket.Ticker) is not { } mark || !PositionStop.Breached(bracket.Side == OrderSide.Buy, bracket.AvgEntryPrice!.Value, mark, limits))
                continue;
            var loss = PositionStop.LossFraction(bracket.Side == OrderSide.Buy, bracket.AvgEntryPrice.Value, mark);
            Raise(book, close, PositionStop.Code, Severity.Warn, bracket.Ticker, bracket.ExecutionId, "risk",
                new { observed = Math.Round(loss, 6), threshold = limits.StopLossFraction, entry = bracket.AvgEntryPrice, mark, effect = "exit at market" });
            await SettleCancels(book, book.OrdersOf(bracket).Where(o => o.Status == OrderStatus.Working && o.Role != LegRole.Exit).ToList(), close);
            if (bracket.State is BracketState.Protected or BracketState.EntryPartial)
                await Apply(book, new BracketExitRequested(bracket.ExecutionId, close, PositionStop.Code, minute.AddMinutes(1)));
        }
    }

    /// <summary>Max hold (from the entry's first fill): cancel the legs and the entry remainder, exit at market.</summary>
    async Task ApplyMaxHold(Book book, DateTimeOffset minute, DateTimeOffset close)
    {
        foreach (var bracket in book.Brackets.Values.Where(b => b.State is BracketState.Protected or BracketState.EntryPartial
                     && b.EntryFilledAt is { } filled && close >= filled.AddMinutes(b.MaxHoldMinutes)).ToList())
        {
            // The legs' cancels complete first (a leg that fills meanwhile closes the bracket itself).
            await SettleCancels(book, book.OrdersOf(bracket).Where(o => o.Status == OrderStatus.Working && o.Role != LegRole.Exit).ToList(), close);
            if (bracket.State is BracketState.Protected or BracketState.EntryPartial)
                await Apply(book, new BracketExitRequested(bracket.ExecutionId, close, "MAX_HOLD", minute.AddMinutes(1)));
        }
    }
}
