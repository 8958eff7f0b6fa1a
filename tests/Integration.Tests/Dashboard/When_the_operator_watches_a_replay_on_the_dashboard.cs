using System.Diagnostics;
using System.Net;
using Microsoft.Playwright;
using Tradewire.Cli.Outcomes;
using Tradewire.Integration.Tests.Pipeline;
using static Microsoft.Playwright.Assertions;

namespace Tradewire.Integration.Tests.Dashboard;

/// <summary>
/// The dashboard in a real browser (Debian's chromium, headless) during a replay through the seven real services,
/// RabbitMQ and PostgreSQL: the page loads and goes live, the signals tape fills from pushes, the provenance of a
/// real fill shows every link, the kill switch (confirmed, with the operator's token) flattens the book, and the
/// outcomes panel shows the labels the outcome annotator wrote for the run's date.
/// Screenshots go to TestResults/dashboard/.
/// </summary>
[Collection(Name)]
public sealed class When_the_operator_watches_a_replay_on_the_dashboard(ITestOutputHelper log)
{
    public const string Name = "dashboard browser";
    public const string Chromium = "/usr/lib/chromium/chromium";
    static readonly string[] Links = ["bar", "news", "features", "watchlist", "signal", "gates", "pretrade", "config", "orders", "fills", "trace"];

    [Fact]
    public async Task Should_show_the_replay_live_explain_a_fill_and_flatten_the_book_with_the_kill_switch()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: ./tradewire infra up installs Debian's chromium");
        var artifacts = Path.Combine(LocalInfra.Paths.Root, "TestResults", "dashboard");
        Directory.CreateDirectory(artifacts);
        File.Delete(Path.Combine(artifacts, "dashboard.log"));

        await using var run = await PipelineRun.Start();
        await using var dashboard = await DashboardProcess.Start(artifacts);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1600, Height = 1400 } });
        var confirmations = new List<string>();
        page.Dialog += async (_, dialog) => { confirmations.Add(dialog.Message); await dialog.AcceptAsync(); };

        // The page loads before anything happened and connects to the live stream.
        await page.GotoAsync(DashboardProcess.Url.ToString());
        await Expect(page.Locator("#live-status")).ToHaveTextAsync("live");
        await Expect(page.Locator("#tape tr")).ToHaveCountAsync(0);
        await Expect(page.Locator("#kill")).ToBeDisabledAsync(); // read-only without a token

        // Paced (a market minute a second), so that positions stay open long enough for the kill switch to find one;
        // as fast as possible, every bracket of the session can close before the button is pressed.
        using (var replay = await PipelineRun.Replay(SampleSessionRun.SamplePath, SampleSessionRun.Date, speed: 60))
            Assert.True(replay.IsSuccessStatusCode, await replay.Content.ReadAsStringAsync());

        // The tape fills from pushes (the page is never reloaded), and its rows get the dispatcher's five gates.
        await Expect(page.Locator("#tape tr.tape-row").First).ToBeVisibleAsync(new() { Timeout = 150_000 });
        await Expect(page.Locator("#tape .gate[data-passed]").First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        Assert.True(int.Parse(await page.Locator("#live-count").InnerTextAsync()) > 0, "no push reached the page");

        // "Why did we trade?" on a real fill: every link of the chain, from recorded events.
        var executionId = await Eventually.Until(DashboardApi.FillWithCompleteChain, id => id is not null, TimeSpan.FromSeconds(300),
            "a fill whose chain has its bar, news, features, watchlist entry, signal, gates and config");
        await page.Locator($"#fills button.why[data-execution-id='{executionId}']").First.ClickAsync();
        await Expect(page.Locator("#prov-chain")).ToBeVisibleAsync();
        foreach (var link in Links)
            await Expect(page.Locator($"#prov-chain [data-link='{link}']")).ToHaveAttributeAsync("data-present", "true");
        await Expect(page.Locator("#prov-chain [data-link='gates'] tr[data-gate]")).ToHaveCountAsync(5);
        Assert.StartsWith("http://127.0.0.1:16686/trace/", await page.Locator("#prov-chain [data-link='trace'] a.trace").First.GetAttributeAsync("href"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(artifacts, "provenance.png"), FullPage = true });
        await page.Locator("#prov-close").ClickAsync();

        // Without a token the dashboard refuses the kill switch itself; the gateway is not called.
        using (var http = new HttpClient())
        using (var refused = await http.PostAsync(new Uri(DashboardProcess.Url, "/api/flatten"), null))
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        // The kill switch: token entered once for this tab, confirmation accepted, the book flattened.
        await page.Locator("#token").FillAsync(Fleet.OperatorToken);
        await page.Locator("#unlock").ClickAsync();
        await Expect(page.Locator("#kill")).ToBeEnabledAsync();
        Assert.DoesNotContain(Fleet.OperatorToken, await page.ContentAsync());
        await Expect(page.Locator("#positions tr.open").First).ToBeVisibleAsync(new() { Timeout = 240_000 });
        await page.Locator("#kill").ClickAsync();
        await Expect(page.Locator("#kill-result")).ToContainTextAsync("flattened:", new() { Timeout = 30_000 });
        Assert.Single(confirmations);
        await Expect(page.Locator("#trading-state")).ToHaveTextAsync("HALTED", new() { Timeout = 30_000 });
        await Expect(page.Locator("#positions tr.open")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        Assert.Equal(0, (await GatewayPositions()).GetArrayLength());

        // The outcomes panel: nothing labelled yet for the session the page shows, then the annotator that
        // ./tradewire outcomes runs labels the run's date (what has been decided so far) and the panel shows the table.
        var outcomesStep = Stopwatch.StartNew();
        await Expect(page.Locator("#outcomes-status")).ToContainTextAsync($"{SampleSessionRun.Date:yyyy-MM-dd}: none labelled yet");
        var labelled = await OutcomeAnnotator.Run(run.Progress.For, SampleSessionRun.Date, DateTimeOffset.UnixEpoch);
        Assert.True(labelled.Labelled > 0, "no decided recommendation to label");
        await OutcomesPanel.ShouldShowTheTable(page, run.Progress.For("dispatcher"), SampleSessionRun.Date);
        using (var http = new HttpClient())
        using (var refused = await http.GetAsync(new Uri(DashboardProcess.Url, "/api/outcomes?date=2026-02-30")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode); // the dispatcher's verdict, passed on
            Assert.Contains("not a calendar date", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        log.WriteLine($"outcomes panel: {labelled.Labelled} decisions labelled and checked in {outcomesStep.Elapsed.TotalSeconds:F1} s");
        await page.ScreenshotAsync(new() { Path = Path.Combine(artifacts, "dashboard.png"), FullPage = true });

        await page.CloseAsync();
        Assert.Equal(0, await dashboard.Stop()); // a clean stop with the page's stream just closed
        Assert.DoesNotContain(Fleet.OperatorToken, await File.ReadAllTextAsync(dashboard.LogFile));
    }

    static async Task<JsonElement> GatewayPositions()
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Fleet.OperatorToken);
        var body = await http.GetStringAsync(new Uri(Fleet.Service("broker-gateway").BaseAddress, "/positions"));
        return JsonSerializer.Deserialize<JsonElement>(body);
    }
}
