using Tradewire.Contracts.Domain;

namespace Tradewire.BrokerGateway.Risk;

/// <summary>
/// Pure pre-trade risk on one new entry. First the checks that no quantity can fix (they refuse); then the
/// quantity limits, each giving the largest quantity it allows; the smallest of those is the binding one.
/// </summary>
public static class PreTradeRisk
{
    public static RiskDecision Evaluate(RiskInput i, RiskLimits l)
    {
        var findings = new List<RiskFinding>();
        if (!i.MarketOpen)
            findings.Add(new("MARKET_CLOSED", 0, 0));
        if (i.Equity is not > 0 || i.DayStartEquity is not > 0 || i.PeakEquity is not > 0)
            findings.Add(new("EQUITY_UNKNOWN", 0, 0)); // fail safe: no new entries without a known equity
        if (i.GrossExposure is null || i.SymbolExposure is null)
            findings.Add(new("EXPOSURE_UNKNOWN", 0, 0));
        if (i.IsShort && !l.AllowShorts)
            findings.Add(new("SHORTS_DISABLED", 1, 0));
        var age = (decimal)(i.MinuteClose - i.SignalTs).TotalSeconds;
        if (age > l.StaleSignalSeconds)
            findings.Add(new("STALE_SIGNAL", age, l.StaleSignalSeconds));
        if (i.LastPrice is > 0 && Math.Abs(i.EntryPrice - i.LastPrice.Value) / i.LastPrice.Value is var slip && slip > l.MaxSlippageFraction)
            findings.Add(new("SLIPPAGE_EXCEEDED", Math.Round(slip, 6), l.MaxSlippageFraction));
        if (i is { Equity: > 0, DayStartEquity: > 0, PeakEquity: > 0 })
            findings.AddRange(LossLimits.Breaches(i.Equity.Value, i.DayStartEquity.Value, i.SessionPeakEquity ?? i.DayStartEquity.Value, i.PeakEquity.Value, l));
        if (i.SymbolOrdersToday >= l.MaxOrdersPerSymbolPerDay)
            findings.Add(new("SYMBOL_ORDER_CAP", i.SymbolOrdersToday, l.MaxOrdersPerSymbolPerDay));
        if (i.OrdersToday >= l.MaxOrdersPerDay)
            findings.Add(new("DAILY_ORDER_CAP", i.OrdersToday, l.MaxOrdersPerDay));
        if (i.SpreadBps is { } spread && spread > l.MaxSpreadBps) // no spread data: pass (fail open)
            findings.Add(new("SPREAD_TOO_WIDE", spread, l.MaxSpreadBps));
        if (i.LastPrice is > 0 && i.SessionOpenPrice is > 0 && Math.Abs(i.LastPrice.Value - i.SessionOpenPrice.Value) / i.SessionOpenPrice.Value is var move && move > l.SymbolMoveLimitFraction)
            findings.Add(new("SYMBOL_MOVE_LIMIT", Math.Round(move, 6), l.SymbolMoveLimitFraction));
        if (findings.Count > 0)
            return new RiskDecision(false, 0, i.PlannedQty, null, findings);
        return SizeQuantity(i, l);
    }

    static RiskDecision SizeQuantity(RiskInput i, RiskLimits l)
    {
        // The fill comes at the next open: the last close is the best estimate of its price.
        var price = Price.Of(i.LastPrice is > 0 ? i.LastPrice.Value : i.EntryPrice);
        var planned = Quantity.ToOrder(i.PlannedQty);
        var notional = price * planned;
        var equity = i.Equity!.Value;
        var riskPerShare = Math.Abs(price - i.StopPrice);
        var limits = new List<(string Code, decimal MaxQty, decimal Observed, decimal Threshold)>
        {
            ("MAX_POSITION_EXCEEDED", Floor((l.MaxPositionFraction * equity - i.SymbolExposure!.Value) / price),
                (i.SymbolExposure.Value + notional) / equity, l.MaxPositionFraction),
            ("MAX_GROSS_EXPOSURE_EXCEEDED", Floor((l.MaxGrossExposureFraction * equity - i.GrossExposure!.Value) / price),
                (i.GrossExposure.Value + notional) / equity, l.MaxGrossExposureFraction),
            ("MAX_ORDER_NOTIONAL_EXCEEDED", Floor(l.MaxOrderNotional / price), notional, l.MaxOrderNotional),
        };
        if (riskPerShare > 0)
            limits.Add(("PORTFOLIO_HEAT_EXCEEDED", Floor((l.MaxPortfolioHeatFraction * equity - i.OpenRisk) / riskPerShare),
                (i.OpenRisk + i.PlannedQty * riskPerShare) / equity, l.MaxPortfolioHeatFraction));

        var binding = limits.Where(x => x.MaxQty < i.PlannedQty).OrderBy(x => x.MaxQty).ThenBy(x => x.Code, StringComparer.Ordinal).FirstOrDefault();
        var qty = binding.Code is null ? planned : Quantity.Of(Math.Max(0, binding.MaxQty));
        if (binding.Code is not null && !l.ReduceInsteadOfReject)
            return new RiskDecision(false, 0, i.PlannedQty, binding.Code, [new(binding.Code, Math.Round(binding.Observed, 6), binding.Threshold)]);
        if (qty * price < l.MinOrderNotional)
        {
            var code = binding.Code ?? "MIN_ORDER_NOTIONAL";
            return new RiskDecision(false, 0, i.PlannedQty, binding.Code,
                [new("MIN_ORDER_NOTIONAL", Math.Round(qty * price, 4), l.MinOrderNotional), .. binding.Code is null ? Array.Empty<RiskFinding>() : [new RiskFinding(code, Math.Round(binding.Observed, 6), binding.Threshold)]]);
        }
        return new RiskDecision(true, qty, i.PlannedQty, binding.Code, []);
    }

    static decimal Floor(decimal value) => Math.Floor(value);
}
