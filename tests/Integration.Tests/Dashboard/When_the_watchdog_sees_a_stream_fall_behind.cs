using Tradewire.Contracts.Execution;
using Tradewire.Contracts.Features;
using Tradewire.Contracts.Market;
using Tradewire.Contracts.News;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tradewire.Integration.Tests.Dashboard;

/// <summary>
/// The real dashboard process alone on the real RabbitMQ and PostgreSQL, fed by a test publisher: features stop while
/// bars, news and dispatcher runs go on, a fill makes a $60,000 position, and a dispatcher run reports a stuck row. The
/// watchdog raises each alert once as a risk event the page shows, POSTs it to an in-process webhook, keeps the
/// webhook's token out of its log, and beats.
/// </summary>
[Collection(When_the_operator_watches_a_replay_on_the_dashboard.Name)]
public sealed class When_the_watchdog_sees_a_stream_fall_behind
{
    static readonly DateOnly Date = new(2026, 11, 20);
    static readonly DateTimeOffset Open = new(2026, 11, 20, 14, 30, 0, TimeSpan.Zero);
    const string Token = "hook-token-5f3a9c";

    [Fact]
    public async Task Should_raise_a_risk_event_and_post_the_webhook_once_per_alert()
    {
        var artifacts = Path.Combine(LocalInfra.Paths.Root, "TestResults", "watchdog");
        Directory.CreateDirectory(artifacts);
        await Environments.DeleteQueues(LocalInfra.Environment);
        await using var hook = await WebhookReceiver.Start();
        await using var dashboard = await DashboardProcess.Start(artifacts, new Dictionary<string, string>
        {
            ["Watchdog__WebhookUrl"] = new Uri(hook.Address, $"/hook?token={Token}").ToString(),
            ["Watchdog__CheckInterval"] = "00:00:00.200",
            ["Watchdog__HeartbeatInterval"] = "00:00:00.200",
        });
        await using var publisher = await TestService.Start(TestService.NewName("wd"), _ => { });

        for (var m = 0; m <= 10; m++)
            await PublishMinute(publisher.Bus, m, features: m <= 3, stuck: m == 10 ? 1 : 0); // features stop after the fourth minute: 7 behind at minute 10
        var execution = Guid.NewGuid();
        await publisher.Bus.Publish(new OrderFilled
        {
            ClientOrderId = $"tw-{execution:N}-entry", ExecutionId = execution, Ticker = "AAPL", LegRole = "ENTRY", Side = OrderSide.Buy, Qty = 300,
            Price = 200m, FilledAt = Open.AddMinutes(4), ExecutionMode = ExecutionMode.Paper,
        });

        string[] expected = ["FEATURES_STALE", "POSITION_NOTIONAL_EXCEEDED", "STUCK_PROCESSING_ROWS"];
        // The dashboard's queues are consumed independently, so while they catch up another stream may briefly trail by
        // more than the threshold and be (rightly) flagged too: required are these three, and every alert is one risk
        // event on the page and one webhook post, the same event id in both.
        var (risk, posts) = await Eventually.Until(async () => (Risk: RiskEvents(await DashboardApi.State()), Posted: hook.Posts.ToList()),
            x => expected.All(x.Risk.Select(r => r.Code).Contains) && x.Posted.Count == x.Risk.Count
                 && x.Posted.Select(p => p.Body.GetProperty("eventId").GetString()).Order().SequenceEqual(x.Risk.Select(r => r.Id).Order()),
            TimeSpan.FromSeconds(60), "the three alerts as risk events on the dashboard and as webhook posts");
        var notional = posts.Single(p => p.Body.GetProperty("reasonCode").GetString() == "POSITION_NOTIONAL_EXCEEDED").Body;
        Assert.Equal(("AAPL", 60_000m), (notional.GetProperty("ticker").GetString(), notional.GetProperty("detail").GetProperty("observed").GetDecimal()));
        Assert.All(posts, p => Assert.Equal($"?token={Token}", p.Query));

        // On the page, in a real browser: the risk panel lists the alerts (its screenshot is kept, for the README).
        Assert.True(File.Exists(When_the_operator_watches_a_replay_on_the_dashboard.Chromium), "chromium is missing: ./tradewire infra up installs it");
        using (var playwright = await Playwright.CreateAsync())
        {
            await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = When_the_operator_watches_a_replay_on_the_dashboard.Chromium, Headless = true });
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1600, Height = 1200 } });
            await page.GotoAsync(DashboardProcess.Url.ToString());
            // First: a stream the dashboard had not heard from yet when it first checked is flagged again once it has
            // (a new "since"), so a code may be listed more than once.
            foreach (var code in expected)
                await Expect(page.Locator("#risk-events li", new() { HasText = code }).First).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(artifacts, "dashboard-watchdog.png"), FullPage = true });
        }

        // Raised once: a later minute keeps features stale since the same minute, and the check that saw it (its heartbeat
        // line names the new market minute) neither adds a risk event nor posts again.
        await PublishMinute(publisher.Bus, 11, features: false);
        await Eventually.Until(() => Task.FromResult(File.ReadAllText(dashboard.LogFile)),
            log => log.Contains("Watchdog heartbeat: market now 2026-11-20T14:41Z", StringComparison.Ordinal), TimeSpan.FromSeconds(30),
            "a heartbeat after the check of minute 11");
        Assert.Equal(risk.Count, hook.Posts.Count);
        Assert.Equal(risk.Count, RiskEvents(await DashboardApi.State()).Count);
        Assert.Equal(0, await dashboard.Stop());
        Assert.DoesNotContain(Token, File.ReadAllText(dashboard.LogFile), StringComparison.Ordinal);
    }

    static async Task PublishMinute(IBus bus, int m, bool features, int stuck = 0)
    {
        var minute = Open.AddMinutes(m);
        await bus.Publish(new MinuteBarsClosed
        {
            SessionDate = Date, Minute = minute, IsLastOfSession = false,
            Bars = [new Bar { Symbol = "AAPL", Minute = minute, Open = 200, High = 200, Low = 200, Close = 200, Volume = 1000 }],
        });
        await bus.Publish(new NewsClassified { SessionDate = Date, Minute = minute, Items = [] });
        await bus.Publish(new DispatchRunCompleted { SessionDate = Date, Minute = minute, RunId = Guid.NewGuid(), OrdersSent = 0, StuckProcessing = stuck });
        if (features)
            await bus.Publish(new FeaturesComputed { SessionDate = Date, Minute = minute, Symbols = [] });
    }

    static List<(string Id, string Code)> RiskEvents(JsonElement state) =>
        state.GetProperty("riskEvents").EnumerateArray().Select(e => (e.GetProperty("eventId").GetString()!, e.GetProperty("reasonCode").GetString()!)).ToList();
}
