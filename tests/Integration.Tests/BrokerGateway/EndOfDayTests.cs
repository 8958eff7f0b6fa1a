using static Tradewire.Integration.Tests.BrokerGateway.GatewayScenario;

namespace Tradewire.Integration.Tests.BrokerGateway;

public sealed class When_a_session_ends_with_open_brackets
{
    [Theory]
    [InlineData(2026, 11, 23)]   // regular close 16:00 ET
    [InlineData(2026, 11, 27)]   // early close 13:00 ET
    public async Task Should_be_flat_with_no_working_order_five_minutes_before_the_close(int y, int m, int d)
    {
        await using var gw = await GatewayHost.Start();
        var session = Calendar.GetSession(new DateOnly(y, m, d))!;
        var tickers = new[] { "AAPL", "MSFT" };
        foreach (var t in tickers)
            await gw.Place(Order(t, session.OpenUtc));
        await Eventually.Until(() => gw.Count("SELECT count(*) FROM brackets"), n => n == 2, what: "brackets stored");

        var flattenAt = session.CloseUtc.AddMinutes(-5);
        for (var minute = session.OpenUtc; minute < flattenAt; minute = minute.AddMinutes(1))
            await gw.Minute(session, minute, Flat(tickers, minute, minute < session.OpenUtc.AddMinutes(2) ? 100m : 102m), minute == session.OpenUtc ? 2 : 0);
        await gw.WaitForMinute(session.Date, flattenAt, TimeSpan.FromSeconds(120));

        Assert.Equal(0, await gw.Count("SELECT count(*) FROM positions WHERE qty <> 0"));
        Assert.Equal(0, await gw.Count("SELECT count(*) FROM orders WHERE status = 'WORKING'"));
        Assert.Equal(2, await gw.Count("SELECT count(*) FROM brackets WHERE state = 'CLOSED' AND exit_reason = 'EOD'"));
        Assert.Equal(2, await gw.Count("SELECT count(*) FROM risk_events WHERE reason_code = 'EOD_STOP_TIGHTENED' AND at = $1", session.CloseUtc.AddMinutes(-10)));
        Assert.Equal(1, await gw.Count("SELECT count(*) FROM risk_events WHERE reason_code = 'EOD_FLAT' AND at = $1", flattenAt));
        Assert.Equal(1, await gw.Count("SELECT count(*) FROM positions WHERE ticker = 'AAPL' AND realized_pnl = 20"));
        Assert.Empty(await gw.Reconcile());
    }
}
