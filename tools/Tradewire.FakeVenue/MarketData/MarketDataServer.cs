using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Tradewire.FakeVenue.MarketData;

/// <summary>
/// A running local stand-in for Alpaca's Market Data API v2 (stock minute bars): the stream at
/// <c>ws://HOST/v2/{iex|sip}</c> and REST bars at <c>/v2/stocks/bars</c>, playing a recorded session on a simulated
/// market clock. The members below are the in-process twins of the <c>/_control</c> routes. Thread-safe.
/// </summary>
public sealed class MarketDataServer : IAsyncDisposable
{
    readonly WebApplication _app;
    readonly DataBook _book;
    readonly SimulatedClock _clock;
    readonly CancellationTokenSource _stopping = new();
    readonly Task _publisher;

    MarketDataServer(WebApplication app, DataBook book, SimulatedClock clock, string baseUrl, DateOnly date)
    {
        _app = app;
        _book = book;
        _clock = clock;
        BaseUrl = baseUrl;
        SessionDate = date;
        _publisher = Task.Run(() => Publisher.Run(book, app.Services.GetRequiredService<StreamHub>(), clock, _stopping.Token));
    }

    /// <summary>Where it listens, without a trailing slash (e.g. <c>http://127.0.0.1:41234</c>).</summary>
    public string BaseUrl { get; }

    /// <summary>The date the session plays as.</summary>
    public DateOnly SessionDate { get; }

    /// <summary>The stream's URL for <paramref name="feed"/> (<c>iex</c> or <c>sip</c>).</summary>
    public Uri StreamUrl(string feed = "iex") => new($"ws{BaseUrl["http".Length..]}/v2/{feed}");

    /// <summary>The simulated market clock's reading now.</summary>
    public DateTimeOffset MarketNow => _clock.Now;

    /// <summary>Everything the server did so far, oldest first.</summary>
    public IReadOnlyList<DataJournalEntry> Journal => _book.Journal();

    public static async Task<MarketDataServer> Start(MarketDataOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(options.KeyId);
        ArgumentException.ThrowIfNullOrEmpty(options.SecretKey);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PublishDelay, TimeSpan.Zero);
        var session = RecordedSession.Load(options.SessionDirectory, options.Date, options.PublishDelay);
        var origin = options.Origin ?? (session.Bars.Count > 0 ? session.Bars.Min(b => b.Minute) : DateTimeOffset.UnixEpoch);
        var clock = new SimulatedClock(options.Wall, origin, options.StartedAt ?? options.Wall.GetUtcNow(), options.Speed);
        var book = new DataBook(session);
        foreach (var line in session.Unplayable) book.Record(clock.Now, "unplayable", detail: line);
        foreach (var fault in options.Faults)
            if (DataControlRoutes.Arm(book, clock, fault) is { } refused) throw new ArgumentException($"{fault.Kind}: {refused}", nameof(options));

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Url);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(new StreamHub(book));
        var app = builder.Build();
        app.UseWebSockets();
        StreamRoute.Map(app, book, clock, options);
        BarsRoute.Map(app, book, clock, options);
        DataControlRoutes.Map(app, book, clock);

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new MarketDataServer(app, book, clock, address.TrimEnd('/'), session.Date);
    }

    /// <summary>Arms a fault (see <see cref="DataFaultKind"/>).</summary>
    /// <exception cref="ArgumentException">It cannot be played: its moment has passed, or the session has no such bar.</exception>
    public void AddFault(DataFault fault)
    {
        if (DataControlRoutes.Arm(_book, _clock, fault) is { } refused) throw new ArgumentException(refused, nameof(fault));
    }

    /// <summary>
    /// Sets the market clock: it reads <paramref name="origin"/> at wall instant <paramref name="startedAt"/> (default:
    /// now). For tests and drills that subscribe first and then let the session run; what falls due is published at once.
    /// </summary>
    public void SetClock(DateTimeOffset origin, DateTimeOffset? startedAt = null)
    {
        _clock.Set(origin, startedAt);
        _book.Record(_clock.Now, "clock", detail: $"origin {origin:O}");
    }

    /// <summary>Completes when the server stops: Ctrl+C or SIGTERM when run standalone, or disposal.</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _publisher;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
