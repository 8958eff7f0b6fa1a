using Microsoft.Extensions.Logging.Abstractions;
using Tradewire.Ingest.Live;
using Tradewire.Ingest.Live.Alpaca;

namespace Tradewire.FakeVenue.Tests.AlpacaClient;

/// <summary>The repository's whole sample session (40 symbols, 390 minutes, six bad lines) from server to client at 6000x.</summary>
public sealed class When_the_sample_session_is_streamed
{
    static readonly DateTimeOffset Open = new(2026, 11, 20, 14, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Should_deliver_every_line_once_and_only_the_nan_bar_as_malformed()
    {
        var session = SampleSession();
        var lines = File.ReadLines(Path.Combine(session, "bars.csv")).Skip(1).Count(l => l.Length > 0);
        var symbols = File.ReadLines(Path.Combine(session, "bars.csv")).Skip(1).Select(l => l.Split(',')[0]).Distinct().ToArray();
        await using var server = await MarketDataServer.Start(new MarketDataOptions
        {
            KeyId = "k", SecretKey = "s", SessionDirectory = session, Speed = 6000, Origin = Open.AddDays(-1),
        });
        using var http = new HttpClient();
        var feed = new AlpacaMarketDataFeed(new AlpacaMarketDataOptions
        {
            StreamUrl = server.StreamUrl().ToString(), RestUrl = server.BaseUrl, KeyId = "k", SecretKey = "s",
        }, http, TimeProvider.System, NullLogger<AlpacaMarketDataFeed>.Instance);

        var bars = new List<FeedBar>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await foreach (var e in feed.Stream(symbols, stop.Token))
        {
            if (e is FeedConnected) server.SetClock(Open.AddMinutes(-1));
            if (e is FeedBar bar) bars.Add(bar);
            if (bars.Count + feed.MalformedMessages == lines) break;
        }

        Assert.Equal(lines - 1, bars.Count);
        Assert.Equal(1, feed.MalformedMessages);
        Assert.Equal(lines, server.Journal.Count(j => j.Kind == "sent"));
        Assert.Contains(bars, b => b.Volume < 0);
        Assert.Contains(bars, b => b.High < b.Low);
        Assert.Contains(bars, b => b.Minute == Open.AddMinutes(395));
    }

    static string SampleSession()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Microservices.sln")))
                return Path.Combine(dir.FullName, "data", "sample-session");
        throw new DirectoryNotFoundException("no Microservices.sln above the test binaries");
    }
}
