using static Tradewire.Integration.Tests.BrokerGateway.GatewayScenario;

namespace Tradewire.Integration.Tests.BrokerGateway;

/// <summary>
/// A running gateway on the real RabbitMQ and PostgreSQL, scraped without a token as Prometheus does: the
/// burn-in plan's trader_* series are on the page and follow the book as it trades, and the shared series
/// (outbox, inbox duplicates, per-queue lag) are there too.
/// </summary>
public sealed class When_prometheus_scrapes_the_gateway
{
    [Fact]
    public async Task Should_show_the_trader_series_and_move_them_as_the_book_trades()
    {
        await using var gw = await GatewayHost.Start();
        var session = Calendar.GetSession(new DateOnly(2026, 11, 23))!;
        var m0 = session.OpenUtc;

        var before = await PrometheusScrape.From(gw.Http);
        string[] required =
        [
            "trader_portfolio_heat", "trader_portfolio_heat_usd", "trader_exposure", "trader_exposure_usd", "trader_open_positions",
            "trader_daily_pnl_usd", "trader_daily_realized_pnl_usd", "trader_daily_unrealized_pnl_usd", "trader_equity_usd",
            "trader_realized_pnl_usd", "trader_unrealized_pnl_usd", "trader_orders", "trader_position_unprotected_seconds",
            "trader_working_orders", "trader_open_brackets", "trader_fills_total", "trader_risk_events_total", "trader_halted",
            "trader_outbox_depth", "trader_outbox_oldest_age_seconds", "trader_session_drawdown",
        ];
        Assert.Empty(required.Except(before.Names));
        Assert.Equal(0, before.Value("trader_open_positions"));
        Assert.Equal(0, before.Value("trader_fills_total"));

        // One bracket, its command delivered twice with the same message id: the inbox drops the second.
        var order = Order("AAPL", m0, qty: 20);
        var messageId = NewId.NextGuid();
        for (var i = 0; i < 2; i++)
            await gw.InScope(async sp =>
            {
                var endpoint = await sp.GetRequiredService<IBus>().GetSendEndpoint(new Uri($"queue:{gw.PlaceQueue}"));
                await endpoint.Send(order, ctx => ctx.MessageId = messageId);
                return true;
            });
        var duplicates = $"trader_inbox_duplicates_dropped_total{{queue=\"{gw.PlaceQueue}\"}}";
        await Eventually.Until(async () => (await PrometheusScrape.From(gw.Http))[duplicates], v => v == 1, what: "one duplicate dropped");
        Assert.Equal(1, await gw.Count("SELECT count(*) FROM brackets"));

        await gw.Minute(session, m0, Flat(["AAPL"], m0, 100m), ordersSent: 1);
        await gw.Minute(session, m0.AddMinutes(1), Flat(["AAPL"], m0.AddMinutes(1), 100m));   // entry fills at 100
        await gw.Minute(session, m0.AddMinutes(2), Flat(["AAPL"], m0.AddMinutes(2), 103m));   // marked at 103
        await gw.WaitForMinute(session.Date, m0.AddMinutes(3));

        var open = await PrometheusScrape.From(gw.Http);
        Assert.Equal(1, open.Value("trader_open_positions"));
        Assert.Equal(1, open.Value("trader_fills_total"));
        Assert.Equal(60, open.Value("trader_unrealized_pnl_usd"));                 // 20 x (103 - 100)
        Assert.Equal(100_060, open.Value("trader_equity_usd"));
        Assert.Equal(60, open.Value("trader_daily_pnl_usd"));
        Assert.Equal(20 * 5, open.Value("trader_portfolio_heat_usd"));            // 20 x (100 - 95)
        Assert.Equal(100.0 / 100_060, open.Value("trader_portfolio_heat"), 9);
        Assert.Equal(20 * 103, open.Value("trader_exposure_usd"));
        Assert.Equal(2, open.Value("trader_orders{status=\"WORKING\"}"));          // the stop and the target
        Assert.Equal(1, open.Value("trader_orders{status=\"FILLED\"}"));
        Assert.Equal(0, open.Value("trader_position_unprotected_seconds"));
        Assert.True(open.Value($"trader_message_lag_seconds{{queue=\"{gw.PlaceQueue}\"}}") >= 0);
        Assert.True(open.Value($"trader_messages_consumed_total{{queue=\"{gw.PlaceQueue}\"}}") >= 2);

        // The target fills: the position closes, the P&L is booked, and a refused bracket is counted by its reason.
        var late = Order("MSFT", m0.AddMinutes(3), qty: 10, stop: 50m); // 50 % stop: 10 x 50 of heat is fine, the order is simply stale
        await gw.Place(late with { SignalTs = m0.AddMinutes(-10) });
        await Eventually.Until(() => gw.Count("SELECT count(*) FROM brackets"), n => n == 2, what: "second bracket stored");
        await gw.Minute(session, m0.AddMinutes(3), [Bar("AAPL", m0.AddMinutes(3), 104m, 111m, 104m, 110m), .. Flat(["MSFT"], m0.AddMinutes(3), 100m)], ordersSent: 1);
        await gw.WaitForMinute(session.Date, m0.AddMinutes(4));

        var closed = await PrometheusScrape.From(gw.Http);
        Assert.Equal(0, closed.Value("trader_open_positions"));
        Assert.Equal(200, closed.Value("trader_realized_pnl_usd"));                // 20 x (110 - 100)
        Assert.Equal(0, closed.Value("trader_unrealized_pnl_usd"));
        Assert.Equal(0, closed.Value("trader_portfolio_heat_usd"));
        Assert.Equal(2, closed.Value("trader_fills_total"));
        Assert.Equal(1, closed.Value("trader_rejections_total{reason=\"STALE_SIGNAL\"}"));
        Assert.Equal(1, closed.Value("trader_orders{status=\"CANCELLED\"}"));      // the stop, cancelled by the OCO
        Assert.True(closed.Value("trader_risk_events_total") > open.Value("trader_risk_events_total"));
        await Eventually.Until(async () => (await PrometheusScrape.From(gw.Http)).Value("trader_outbox_depth"), d => d == 0, what: "outbox drained");
    }
}
