using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Tradewire.FakeVenue;

/// <summary>
/// A running local fake of Alpaca's Trading API v2 (Kestrel), whose market is the bars its driver feeds it. The
/// members below are the in-process twins of the <c>/fake</c> control routes. Thread-safe; every timestamp comes
/// from the market clock those bars set, never the wall clock, so a replay answers the same way twice.
/// </summary>
public sealed class FakeVenue : IAsyncDisposable
{
    readonly WebApplication _app;
    readonly VenueBook _book;

    FakeVenue(WebApplication app, VenueBook book, string baseUrl)
    {
        _app = app;
        _book = book;
        BaseUrl = baseUrl;
    }

    /// <summary>Where it listens, without a trailing slash (e.g. <c>http://127.0.0.1:41234</c>).</summary>
    public string BaseUrl { get; }

    /// <summary>The venue's market clock: the end of the last applied minute, or what was set, or the Unix epoch.</summary>
    public DateTimeOffset Clock => _book.Clock;

    /// <summary>Every <c>/v2</c> request received so far, oldest first.</summary>
    public IReadOnlyList<RequestRecord> Requests => _book.Requests();

    /// <summary>Every order so far in submission order, OCO legs as orders of their own.</summary>
    public IReadOnlyList<VenueOrder> Orders => _book.Orders();

    /// <summary>The account's positions, signed share quantities by symbol (a closed position is absent, as at Alpaca).</summary>
    public IReadOnlyDictionary<string, decimal> Positions => _book.PositionQuantities();

    public static async Task<FakeVenue> Start(FakeVenueOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(options.KeyId);
        ArgumentException.ThrowIfNullOrEmpty(options.SecretKey);
        ArgumentOutOfRangeException.ThrowIfNegative(options.StartingCash);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Url);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var book = new VenueBook(options);
        app.UseWebSockets();
        app.UseMiddleware<RequestJournal>(book, options);
        TradingRoutes.Map(app, book);
        TradeStreamRoute.Map(app, book.Stream, options);
        ControlRoutes.Map(app, book);

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FakeVenue(app, book, address.TrimEnd('/'));
    }

    /// <summary>Feeds one minute of bars (all of the same minute) and matches the open orders against them.</summary>
    /// <exception cref="InvalidOperationException">The minute would move the clock back, or the bars are of several minutes.</exception>
    public void ApplyBars(IReadOnlyList<FakeBar> bars) => ThrowIf(_book.ApplyBars(bars));

    /// <summary>Moves the market clock forward, e.g. to the session's start before the first bar.</summary>
    /// <exception cref="InvalidOperationException"><paramref name="at"/> is before the current clock.</exception>
    public void SetClock(DateTimeOffset at) => ThrowIf(_book.SetClock(at));

    /// <summary>Arms a fault behind those already armed.</summary>
    public void AddFault(FakeFault fault)
    {
        if (ControlRoutes.Check(fault) is { } refused) throw new ArgumentException(refused.Message, nameof(fault));
        _book.AddFault(fault);
    }

    public void ClearFaults() => _book.ClearFaults();

    /// <summary>Completes every cancel and replace the venue has answered but not yet carried out.</summary>
    public void CompletePending() => _book.CompletePending();

    /// <summary>The next <paramref name="times"/> replaces are answered 200, then rejected (the old order works on unchanged).</summary>
    public void RejectReplaces(int times) => _book.RejectReplaces(times);

    /// <summary>The next <paramref name="times"/> fills of simple orders take half of what remains (trading/paper-trading.md: partial fills happen).</summary>
    public void PartialFills(int times) => _book.PartialFills(times);

    /// <summary>The trading stream's URL (<c>ws://</c>, path <c>/stream</c>), as <c>wss://paper-api.alpaca.markets/stream</c> is Alpaca's.</summary>
    public string StreamUrl => "ws" + BaseUrl["http".Length..] + "/stream";

    /// <summary>Trading-stream connections authorized so far (each reconnect counts).</summary>
    public int TradeStreamAuthorizations => _book.Stream.Authorizations;

    /// <summary>Cuts every trading-stream connection and refuses new ones (503) until <see cref="TradeStreamUp"/>; events meanwhile are lost.</summary>
    public void TradeStreamDown() => _book.Stream.SetDown();

    public void TradeStreamUp() => _book.Stream.SetUp();

    /// <summary>Sends every trade_updates event so far once more, newest first: a duplicated, out-of-order delivery.</summary>
    public void RepeatTradeUpdates() => _book.Stream.Repeat();

    /// <summary>Completes when the venue stops: Ctrl+C or SIGTERM when run standalone, or disposal.</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    static void ThrowIf(VenueError? error)
    {
        if (error is not null) throw new InvalidOperationException(error.Message);
    }
}
