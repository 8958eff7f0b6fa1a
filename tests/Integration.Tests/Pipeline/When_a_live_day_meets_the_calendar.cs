using Tradewire.Cli.BurnIn;
using Tradewire.FakeVenue.MarketData;
using Tradewire.Integration.Tests.Services;

namespace Tradewire.Integration.Tests.Pipeline;

/// <summary>
/// The live runner through the seven real services on days the calendar makes special: a holiday, when nothing may
/// happen, and an early close (13:00 New York), when the session must end at 13:00 with the end-of-day tighten and
/// flatten moved with it. The early-close day also meets a bar held past the watermark: it must be recorded and
/// counted as late and decide nothing, so the live day must equal a replay of the same recording without that bar.
/// </summary>
[Collection(ServiceProcessesCollection.Name)]
public sealed class When_a_live_day_meets_the_calendar
{
    const decimal Speed = 60m;
    static readonly NyseCalendar Calendar = new();
    static readonly DateOnly Thanksgiving = new(2026, 11, 26);
    static readonly TradingSession EarlyClose = Calendar.GetSession(new DateOnly(2026, 11, 27))!;
    const string HeldSymbol = "AAPL";

    const string Bars = "SELECT ticker, minute, open, high, low, close, volume FROM lane_telemetry ORDER BY ticker, minute";

    [Fact]
    public async Task Should_do_nothing_on_a_holiday_and_sleep_until_the_next_sessions_open()
    {
        await using var run = await PipelineRun.Start("ingest");
        var origin = MarketTimeZone.FromMarketLocal(Thanksgiving, new TimeOnly(15, 50));
        var startedAt = DateTimeOffset.UtcNow;
        await using var server = await MarketDataServer.Start(new MarketDataOptions
        {
            KeyId = "live-test-key", SecretKey = "live-test-secret", SessionDirectory = SampleSessionRun.SamplePath, Date = EarlyClose.Date,
            Speed = Speed, Origin = origin, StartedAt = startedAt,
        });
        run.StartService("ingest", LiveIngest.Settings(server, origin, startedAt, Speed));
        await run.WaitUntilReady();

        // Past the close the holiday would have had: the runner has looked at the calendar and gone to sleep.
        var wouldClose = MarketTimeZone.FromMarketLocal(Thanksgiving, new TimeOnly(16, 5));
        var feed = await Eventually.Until(Feed, f => DateTimeOffset.Parse(f.GetProperty("marketNow").GetString()!) >= wouldClose,
            TimeSpan.FromMinutes(2), "ingest's market clock to pass the holiday's 16:00");
        Assert.Equal("IDLE", feed.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, feed.GetProperty("session").ValueKind);
        Assert.Equal(EarlyClose.OpenUtc, DateTimeOffset.Parse(feed.GetProperty("idleUntil").GetString()!));

        Assert.DoesNotContain(server.Journal, j => j.Kind is "connected" or "rest");
        var ingest = run.Progress.For("ingest");
        Assert.Equal(0L, await ingest.Scalar("SELECT count(*) FROM ingest_sessions", -1L));
        Assert.Equal(0L, await ingest.Scalar("SELECT count(*) FROM minute_progress", -1L));
        Assert.Equal(0L, await run.Progress.For("features").Scalar("SELECT count(*) FROM minute_progress", -1L));
        Assert.Equal(0, await run.Progress.PendingOutbox());
    }

    [Fact]
    public async Task Should_end_an_early_close_at_13_00_flat_and_record_a_held_bar_as_late_without_deciding_on_it()
    {
        var recording = HalfDay(SampleSessionRun.SamplePath);

        // The live day first: the held bar's minute is chosen once ingest is subscribed, a few minutes ahead on the
        // server's clock, so that a slow start cannot turn the held bar into an ordinary backfilled one.
        string liveDigest;
        List<string> liveBars;
        List<(string Kind, string Ticker, DateTimeOffset Minute)> late;
        DateTimeOffset held;
        await using (var run = await PipelineRun.Start("ingest"))
        {
            var origin = EarlyClose.CloseUtc.AddMinutes(-75);
            var startedAt = DateTimeOffset.UtcNow;
            await using var server = await MarketDataServer.Start(new MarketDataOptions
            {
                KeyId = "live-test-key", SecretKey = "live-test-secret", SessionDirectory = recording,
                Date = EarlyClose.Date, Speed = Speed, Origin = origin, StartedAt = startedAt,
            });
            run.StartService("ingest", new Dictionary<string, string>(LiveIngest.Settings(server, origin, startedAt, Speed)) { ["MarketData__SessionPath"] = recording });
            await run.WaitUntilReady();
            // Caught up: the backfilled morning is published and minutes now close as they come, so the held bar's
            // minute will close without it (while ingest still backfills, a minute waits for its REST bars).
            await Eventually.Until(() => LiveIngest.LastPublished(run), m => m >= LiveIngest.Minute(server.MarketNow).AddMinutes(-4), TimeSpan.FromMinutes(3),
                "ingest to catch up with the server's clock");
            held = HoldOne(server, recording);

            Assert.True(await run.WaitForSession(EarlyClose, TimeSpan.FromMinutes(6)), "the early-close live session did not finish in every service");
            Assert.Contains(server.Journal, j => j.Kind == "held" && j.Symbol == HeldSymbol && j.Minute == held);

            var ingest = run.Progress.For("ingest");
            liveBars = LiveIngest.Text(await ingest.Rows(Bars));
            var lastMinute = (DateTime)(await ingest.Rows("SELECT max(minute) FROM lane_telemetry")).Single()[0]!;
            Assert.Equal(EarlyClose.CloseUtc.AddMinutes(-1), new DateTimeOffset(lastMinute, TimeSpan.Zero));
            late = (await ingest.Rows("SELECT kind, ticker, minute FROM late_bars"))
                .Select(r => ((string)r[0]!, (string)r[1]!, new DateTimeOffset((DateTime)r[2]!, TimeSpan.Zero))).ToList();
            Assert.Equal((0, late.Count), (await ingest.Rows("SELECT updated_bars, late_bars FROM ingest_sessions")).Select(r => ((int)r[0]!, (int)r[1]!)).Single());

            // The end of the day moved with the close: flat with nothing working at the hard-flat time and stops
            // tightened only at the tighten time, both counted back from 13:00.
            var limits = await BurnInLimits.Fetch(Fleet.Service("broker-gateway").BaseAddress, Fleet.Service("dispatcher").BaseAddress, Fleet.OperatorToken);
            var day = await DayFactsLoader.Load(run.Progress.For, EarlyClose, limits);
            Assert.True(day.Decisions > 0, "the half day decided nothing: the end-of-day checks below would pass vacuously");
            Assert.Equal((0L, 0L), (day.PositionsOpenAfterFlat, day.OrdersOpenAfterFlat));
            Assert.Equal(0L, day.TightenedAtOtherTimes);
            Assert.Equal(0, await run.Progress.PendingOutbox());
            (liveDigest, _) = await LedgerDigest.Compute(run.Progress.For);
        }

        // The reference: the same recording without the held bar, replayed. The live day closed that minute without it.
        await using var replay = await PipelineRun.Start();
        using (var response = await PipelineRun.Replay(Without(recording, HeldSymbol, held), EarlyClose.Date))
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.True(await replay.WaitForSession(EarlyClose, TimeSpan.FromMinutes(6)), "the early-close replay did not finish");
        var replayBars = LiveIngest.Text(await replay.Progress.For("ingest").Rows(Bars));
        Assert.True(replayBars.SequenceEqual(liveBars),
            $"{replayBars.Count} replayed bars vs {liveBars.Count} live; missing {string.Join("; ", replayBars.Except(liveBars).Take(5))}; extra {string.Join("; ", liveBars.Except(replayBars).Take(5))}");

        // The held bar is late. So is any line of the recording the server plays after its minute closed (the sample
        // repeats a bar out of order): the replay refused those lines, and live they decide nothing either.
        var replayRefused = (await replay.Progress.For("ingest").Rows("SELECT ticker, minute FROM ingest_rejections WHERE kind = 'BAR'"))
            .Select(r => ((string)r[0]!, new DateTimeOffset((DateTime)r[1]!, TimeSpan.Zero))).ToHashSet();
        Assert.Single(late, l => l == ("LATE", HeldSymbol, held));
        Assert.All(late.Where(l => l != ("LATE", HeldSymbol, held)), l =>
            Assert.True(l.Kind == "LATE" && replayRefused.Contains((l.Ticker, l.Minute)), $"{l} is late live but was not refused by the replay"));

        var (replayDigest, _) = await LedgerDigest.Compute(replay.Progress.For);
        Assert.Equal(replayDigest, liveDigest);
    }

    /// <summary>
    /// Holds the first bar of <see cref="HeldSymbol"/> from three minutes ahead on the server's clock (one the recording
    /// has exactly once) for three market minutes: past the two-minute watermark these tests give ingest.
    /// </summary>
    static DateTimeOffset HoldOne(MarketDataServer server, string recording)
    {
        var lines = File.ReadAllLines(Path.Combine(recording, "bars.csv"));
        var now = server.MarketNow;
        for (var minute = LiveIngest.Minute(now).AddMinutes(3);
             minute < EarlyClose.CloseUtc.AddMinutes(-10); minute = minute.AddMinutes(1))
        {
            var prefix = $"{HeldSymbol},{MarketTimeZone.ToMarketLocal(minute):HH:mm},";
            if (lines.Count(l => l.StartsWith(prefix, StringComparison.Ordinal)) != 1)
                continue;
            server.AddFault(new DataFault(DataFaultKind.HoldBar, Symbol: HeldSymbol, Minute: minute, Seconds: 180));
            return minute;
        }
        throw new Xunit.Sdk.XunitException($"no minute left to hold a bar in (server market time {now:O})");
    }

    static async Task<JsonElement> Feed()
    {
        using var http = new HttpClient();
        return await http.GetFromJsonAsync<JsonElement>(new Uri(Fleet.Service("ingest").BaseAddress, "/feed"));
    }

    /// <summary>A copy of <paramref name="session"/> that ends at the early close: bars and news from 13:00 on are cut, as that day's recording would be.</summary>
    static string HalfDay(string session)
    {
        var copy = Directory.CreateTempSubdirectory("half-day-").FullName;
        foreach (var file in Directory.GetFiles(session))
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        static bool AfterClose(string line) =>
            line.Split(',') is { Length: > 2 } f && TimeOnly.TryParse(f[f[0].Contains(':') ? 0 : 1], out var t) && t >= new TimeOnly(13, 0);
        foreach (var name in new[] { "bars.csv", "news.csv" })
        {
            var lines = File.ReadAllLines(Path.Combine(copy, name));
            File.WriteAllLines(Path.Combine(copy, name), [lines[0], .. lines.Skip(1).Where(l => !AfterClose(l))]);
        }
        return copy;
    }

    /// <summary>A copy of <paramref name="session"/> without the bar of <paramref name="symbol"/> at <paramref name="minute"/>.</summary>
    static string Without(string session, string symbol, DateTimeOffset minute)
    {
        var copy = Directory.CreateTempSubdirectory("without-bar-").FullName;
        foreach (var file in Directory.GetFiles(session))
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        var line = $"{symbol},{MarketTimeZone.ToMarketLocal(minute):HH:mm},";
        var bars = File.ReadAllLines(Path.Combine(copy, "bars.csv"));
        Assert.Single(bars, l => l.StartsWith(line, StringComparison.Ordinal));
        File.WriteAllLines(Path.Combine(copy, "bars.csv"), bars.Where(l => !l.StartsWith(line, StringComparison.Ordinal)));
        return copy;
    }
}
