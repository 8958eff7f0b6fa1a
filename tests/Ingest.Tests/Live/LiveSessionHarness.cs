using Tradewire.Ingest.Persistence;
using Tradewire.ServiceDefaults.Symbols;
using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Tradewire.Ingest.Live;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Ingest.Tests.Live;

/// <summary>
/// One live session over a scripted feed on a fake market clock, stepped a second at a time; each step waits until
/// the session has taken every stream event due by then, so a bar is never overtaken by the clock.
/// </summary>
sealed class LiveSessionHarness
{
    public static readonly TradingSession Session = new NyseCalendar().GetSession(new DateOnly(2026, 12, 4))!;
    public static readonly DateTimeOffset Start = Session.CloseUtc.AddMinutes(-10);
    public static readonly string[] Symbols = ["AAPL", "MSFT"];

    public FakeTimeProvider Time { get; } = new(Start);
    public RecordingSink Sink { get; }
    public LiveFeedStatus Status { get; }
    public ScriptedFeed Feed { get; }
    readonly LiveSession _session;

    public LiveSessionHarness(TimeSpan maxHold, Func<List<(DateTimeOffset At, FeedEvent Event)>, List<(DateTimeOffset, FeedEvent)>> script)
    {
        var options = new LiveOptions { Feed = "simulated", Watermark = TimeSpan.FromSeconds(5), MaxHold = maxHold };
        Status = new LiveFeedStatus(options);
        Sink = new RecordingSink(new SessionProgress(Session.Date, null, 1m, "RUNNING", Start.AddMinutes(-1))) { Time = Time };
        Feed = new ScriptedFeed(Time, script(Published.Select(b => (b.ReceivedAt, (FeedEvent)b)).ToList()), Published);
        _session = new LiveSession(Session, Feed, new MarketClock(Time, new NyseCalendar()), Time, Universe.Parse(["symbol,name,aliases,exchange", .. Symbols.Select(s => $"{s},{s},,NASDAQ")]), Sink, Status,
            options, NullLogger<LiveSession>.Instance);
    }

    /// <summary>Every minute's bars of the last ten minutes, each published a second after its minute.</summary>
    public static IReadOnlyList<FeedBar> Published { get; } =
    [
        .. Enumerable.Range(0, 10).SelectMany(m => Symbols.Select(s => Bar(s, m))),
    ];

    public static DateTimeOffset At(int minute, int second = 0) => Start.AddMinutes(minute).AddSeconds(second);

    public static FeedBar Bar(string symbol, int minute, decimal close = 100m, bool updated = false) =>
        new(symbol, At(minute), 100m, 101m, 99m, close, 1000 + minute, 10, 100m, updated, At(minute + 1, updated ? 30 : 1));

    /// <summary>Runs the session to its end (or fails after 30 market minutes).</summary>
    public async Task Run()
    {
        using var cts = new CancellationTokenSource();
        var run = _session.Run(cts.Token);
        var until = Start.AddMinutes(30);
        while (!run.IsCompleted && Time.GetUtcNow() < until)
        {
            var wait = Stopwatch.StartNew();
            while (_session.EventsHandled < Feed.DueBy(Time.GetUtcNow()) && !run.IsCompleted)
            {
                Assert.True(wait.Elapsed < TimeSpan.FromSeconds(10), $"the session did not take the events due by {Time.GetUtcNow():O}");
                await Task.Delay(1);
            }
            await Task.Delay(1); // let the loop act on them before the clock moves
            Time.Advance(TimeSpan.FromSeconds(1));
        }
        await cts.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
