using Prometheus;
using Tradewire.BrokerGateway.Engine;
using Tradewire.ServiceDefaults.Metrics;

namespace Tradewire.BrokerGateway.Http;

/// <summary>
/// The broker-gateway's <c>trader_*</c> series (names from the burn-in plan: heat, exposure, P&amp;L, orders,
/// rejections, protection). Amounts in USD; fractions are of equity, as the risk limits are. Unknown values
/// (a held ticker without a mark) are NaN, never a made-up number.
/// </summary>
public sealed class GatewayMetrics(ServiceMetrics metrics)
{
    public Gauge Equity { get; } = metrics.Factory.CreateGauge("trader_equity_usd", "Equity: starting equity plus realized and unrealized P&L at the last marks.");
    public Gauge Realized { get; } = metrics.Factory.CreateGauge("trader_realized_pnl_usd", "Realized P&L, all positions.");
    public Gauge Unrealized { get; } = metrics.Factory.CreateGauge("trader_unrealized_pnl_usd", "Unrealized P&L of open positions at the last marks.");
    public Gauge DailyPnl { get; } = metrics.Factory.CreateGauge("trader_daily_pnl_usd", "Equity now minus equity at the session's first minute.");
    public Gauge DailyRealized { get; } = metrics.Factory.CreateGauge("trader_daily_realized_pnl_usd", "P&L realized by brackets entered this session.");
    public Gauge DailyUnrealized { get; } = metrics.Factory.CreateGauge("trader_daily_unrealized_pnl_usd", "Unrealized P&L of the positions open now.");
    public Gauge Heat { get; } = metrics.Factory.CreateGauge("trader_portfolio_heat", "Portfolio heat: USD at risk to the stops of open brackets, as a fraction of equity.");
    public Gauge HeatUsd { get; } = metrics.Factory.CreateGauge("trader_portfolio_heat_usd", "Portfolio heat in USD: sum of quantity x distance from entry to stop.");
    public Gauge HeatCap { get; } = metrics.Factory.CreateGauge("trader_portfolio_heat_cap", "The configured portfolio heat cap (fraction of equity).");
    public Gauge Exposure { get; } = metrics.Factory.CreateGauge("trader_exposure", "Gross exposure (held at the last marks plus unfilled entries) as a fraction of equity.");
    public Gauge ExposureUsd { get; } = metrics.Factory.CreateGauge("trader_exposure_usd", "Gross exposure in USD.");
    public Gauge DailyLoss { get; } = metrics.Factory.CreateGauge("trader_daily_loss", "Fraction of the day's starting equity lost (negative: a gain).");
    public Gauge SessionDrawdown { get; } = metrics.Factory.CreateGauge("trader_session_drawdown", "Fraction lost from the session's highest equity.");
    public Gauge Drawdown { get; } = metrics.Factory.CreateGauge("trader_drawdown", "Fraction lost from the highest equity ever.");
    public Gauge OpenPositions { get; } = metrics.Factory.CreateGauge("trader_open_positions", "Tickers with a non-zero position.");
    public Gauge Unprotected { get; } = metrics.Factory.CreateGauge("trader_position_unprotected_seconds",
        "Market seconds the longest-unprotected open position has been held without working stops covering it (0: all covered).");
    public Gauge WorkingOrders { get; } = metrics.Factory.CreateGauge("trader_working_orders", "Orders still working at the broker.");
    public Gauge OpenBrackets { get; } = metrics.Factory.CreateGauge("trader_open_brackets", "Brackets not closed or rejected.");
    public Gauge Orders { get; } = metrics.Factory.CreateGauge("trader_orders", "Orders by their current status.", ["status"]);
    public Counter Rejections { get; } = metrics.Factory.CreateCounter("trader_rejections_total", "Brackets refused (pre-trade risk or the broker), by reason code.", ["reason"]);
    public Counter Fills { get; } = metrics.Factory.CreateCounter("trader_fills_total", "Fills recorded.");
    public Counter RiskEvents { get; } = metrics.Factory.CreateCounter("trader_risk_events_total", "Risk events recorded.");
    public Gauge Halted { get; } = metrics.Factory.CreateGauge("trader_halted", "1 when the trading state is HALTED.");
    public Gauge State { get; } = metrics.Factory.CreateGauge("trader_trading_state", "1 for the current trading state (ACTIVE, PAUSED, REDUCING, HALTED).", ["state"]);

    public static double Value(decimal? value) => value is { } v ? (double)v : double.NaN;

    public void Set(RiskPicture p, decimal heatCap)
    {
        Equity.Set(Value(p.Equity));
        Realized.Set((double)p.RealizedPnl);
        Unrealized.Set(Value(p.UnrealizedPnl));
        DailyPnl.Set(Value(p.DailyPnl));
        DailyRealized.Set((double)p.DailyRealizedPnl);
        DailyUnrealized.Set(Value(p.UnrealizedPnl));
        Heat.Set(Value(p.Heat));
        HeatUsd.Set((double)p.HeatUsd);
        HeatCap.Set((double)heatCap);
        Exposure.Set(Value(p.Exposure));
        ExposureUsd.Set(Value(p.ExposureUsd));
        DailyLoss.Set(Value(p.DailyLoss));
        SessionDrawdown.Set(Value(p.SessionDrawdown));
        Drawdown.Set(Value(p.Drawdown));
        OpenPositions.Set(p.Positions.Count);
        Unprotected.Set(p.UnprotectedSeconds);
    }
}
