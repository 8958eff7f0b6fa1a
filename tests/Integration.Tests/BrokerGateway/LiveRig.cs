using Tradewire.Contracts.Execution;
using Tradewire.Contracts.Market;
using Tradewire.FakeVenue;

namespace Tradewire.Integration.Tests.BrokerGateway;

/// <summary>
/// A LIVE broker-gateway (its database, its queues) trading on a local venue that speaks Alpaca's Trading API v2
/// over HTTP. The test is the market: each minute it feeds the venue its bars first, then the gateway the same
/// minute, and waits for the gateway to finish it, so the venue always leads by exactly that minute.
/// </summary>
public sealed class LiveRig : IAsyncDisposable
{
    public const string KeyId = "PKTESTKEY", SecretKey = "test-secret-key";

    LiveRig(Tradewire.FakeVenue.FakeVenue venue, GatewayHost gateway, TradingSession session)
    {
        Venue = venue;
        Gateway = gateway;
        Session = session;
    }

    public Tradewire.FakeVenue.FakeVenue Venue { get; }
    public GatewayHost Gateway { get; }
    public TradingSession Session { get; }

    /// <summary>
    /// Requests time out after 1 s and are tried 3 times, so a fault plays out within a test's patience.
    /// <paramref name="venueOptions"/> changes the venue's options (its pending delay, say).
    /// </summary>
    public static async Task<LiveRig> Start(IDictionary<string, string?>? settings = null, Func<FakeVenueOptions, FakeVenueOptions>? venueOptions = null)
    {
        var options = new FakeVenueOptions { KeyId = KeyId, SecretKey = SecretKey };
        var venue = await Tradewire.FakeVenue.FakeVenue.Start(venueOptions is null ? options : venueOptions(options));
        var config = new Dictionary<string, string?>
        {
            ["Broker:Mode"] = "LIVE", ["Broker:Alpaca:BaseUrl"] = venue.BaseUrl, ["Broker:Alpaca:KeyId"] = KeyId,
            ["Broker:Alpaca:SecretKey"] = SecretKey, ["Broker:Alpaca:RequestTimeout"] = "00:00:01", ["Broker:Alpaca:Attempts"] = "3",
            ["Broker:Alpaca:RetryDelay"] = "00:00:00.050", ["Broker:Alpaca:FlattenWait"] = "00:00:00.500",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
            config[k] = v;
        var gateway = await GatewayHost.Start(config);
        return new LiveRig(venue, gateway, GatewayScenario.Calendar.GetSession(new DateOnly(2026, 11, 23))!);
    }

    public DateTimeOffset Open => Session.OpenUtc;

    public static PlaceBracketOrder Order(string ticker, DateTimeOffset minute) => GatewayScenario.Order(ticker, minute) with { ExecutionMode = ExecutionMode.Live };

    /// <summary>One minute: the venue sees its bars, then the gateway acts on them (and on <paramref name="ordersSent"/> new commands).</summary>
    public async Task Minute(DateTimeOffset minute, IReadOnlyList<Bar> bars, int ordersSent = 0)
    {
        Venue.ApplyBars(bars.Select(b => new FakeBar(b.Symbol, b.Minute, b.Open, b.High, b.Low, b.Close, b.Volume)).ToList());
        await Gateway.Minute(Session, minute, bars, ordersSent);
        await Gateway.WaitForMinute(Session.Date, minute.AddMinutes(1));
    }

    /// <summary>
    /// A LIVE bracket for <paramref name="ticker"/> decided at the open and taken through the open's flat minute at 100:
    /// its entry is sent to the venue, which fills it at the last trade (100) a moment later. Returns the command.
    /// </summary>
    public async Task<PlaceBracketOrder> SendEntryAtOpen(string ticker)
    {
        var order = Order(ticker, Open);
        await Gateway.Place(order);
        await Minute(Open, GatewayScenario.Flat([ticker], Open, 100m), ordersSent: 1);
        return order;
    }

    /// <summary>
    /// <see cref="SendEntryAtOpen"/>, then one more flat minute at 100, by whose end the entry's fill is booked and its
    /// OCO pair placed. Returns the command.
    /// </summary>
    public async Task<PlaceBracketOrder> EnterAtOpen(string ticker)
    {
        var order = await SendEntryAtOpen(ticker);
        await Minute(Open.AddMinutes(1), GatewayScenario.Flat([ticker], Open.AddMinutes(1), 100m));
        return order;
    }

    /// <summary>
    /// Waits until the account is flat AT THE VENUE: no position and no open order. The runbook's deadline for the
    /// kill switch is 2 s: a venue not flat by then fails the test (a correctness bound, not a speed target).
    /// </summary>
    public Task VenueFlatWithin(TimeSpan deadline, string what) =>
        Eventually.Until(() => Task.FromResult((Positions: Venue.Positions.Count, OpenOrders: Venue.Orders.Count(o => o.IsOpen))),
            v => v is { Positions: 0, OpenOrders: 0 }, deadline, what);

    /// <summary>The runbook's deadline for the kill switch to leave the account flat.</summary>
    public static readonly TimeSpan FlatDeadline = TimeSpan.FromSeconds(2);

    /// <summary>The venue's orders carrying <paramref name="clientOrderId"/> (the idempotency key: never more than one).</summary>
    public int VenueOrders(string clientOrderId) => Venue.Orders.Count(o => o.ClientOrderId == clientOrderId);

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Venue.DisposeAsync();
    }
}
