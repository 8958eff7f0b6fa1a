using System.Diagnostics;
using MassTransit;
using Tradewire.BrokerGateway.Domain;
using Tradewire.Contracts.Execution;
using Tradewire.Contracts.Market;
using Tradewire.Contracts.Signals;
using Tradewire.FakeVenue;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Cli.Drill;

/// <summary>
/// The broker faults of the drill, on the LIVE path: the broker-gateway process in <c>Broker:Mode=LIVE</c>
/// against a local venue speaking Alpaca's Trading API v2 (<see cref="FakeVenue"/>), which the drill feeds bars
/// minute by minute. Three entries meet three faults: a 500 then a success, an order accepted whose answer never
/// comes (a timeout), an order accepted answered with a 500. The gateway is SIGKILLed and restarted once its
/// OCO pairs are at the venue. Afterwards: one venue order per client order id, every fault recorded as a
/// BROKER_FAULT risk event, each bracket where its bars put it, and reconcile_db.sql returning zero rows.
/// </summary>
public sealed class BrokerFaults(RepoPaths paths, InfraEnvironment infra, string operatorToken)
{
    const string KeyId = "PKDRILL";
    static readonly string[] Tickers = ["AAPL", "MSFT", "NVDA"];

    public List<string> Log { get; } = [];

    public async Task<bool> Run(TradingSession session)
    {
        await Environments.ResetDatabases(infra);
        await Environments.DeleteQueues(infra);
        var secret = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        await using var venue = await FakeVenue.FakeVenue.Start(new FakeVenueOptions { KeyId = KeyId, SecretKey = secret });
        var live = new Dictionary<string, string>
        {
            ["Broker__Mode"] = "LIVE", ["Broker__Alpaca__BaseUrl"] = venue.BaseUrl, ["Broker__Alpaca__KeyId"] = KeyId,
            ["Broker__Alpaca__SecretKey"] = secret, ["Broker__Alpaca__RequestTimeout"] = "00:00:01",
        };
        var service = ServiceCatalog.Find("broker-gateway")!;
        var db = new ReplayProgress(infra).For("broker-gateway");
        await using var fleet = new ServiceFleet(paths, infra, operatorToken);
        var gateway = fleet.Start(service, live);
        await Ready(fleet);

        var bus = Bus.Factory.CreateUsingRabbitMq(infra.ConfigureRabbitHost);
        await bus.StartAsync();
        try
        {
            var m0 = session.OpenUtc;
            // One entry every other minute, each meeting its own fault: the minute between places the previous
            // entry's OCO pair, so every fault is served to exactly the entry it is meant for (faults are served
            // to the next matching request, whoever sends it).
            var plan = new (string Ticker, int Minute, FaultKind Fault)[]
            {
                ("AAPL", 0, FaultKind.Error500), ("MSFT", 2, FaultKind.AcceptThenHang), ("NVDA", 4, FaultKind.AcceptThen500),
            };
            var orders = plan.Select(p => Order(p.Ticker, m0.AddMinutes(p.Minute))).ToList();
            var commands = await bus.GetSendEndpoint(new Uri("queue:broker-gateway-place-bracket-order"));
            foreach (var order in orders)
                await commands.Send(order);
            for (var i = 0; i < 6; i++)
            {
                var entry = plan.FirstOrDefault(p => p.Minute == i);
                if (entry.Ticker is not null)
                    venue.AddFault(new FakeFault(FaultRoute.Submit, entry.Fault, HangMs: 3000));
                await Minute(bus, venue, db, session, m0.AddMinutes(i), _ => (100m, 100m, 100m), entry.Ticker is null ? 0 : 1);
            }
            gateway.Kill();
            Log.Add("broker-gateway SIGKILLed with three OCO pairs at the venue, then restarted");
            fleet.Start(service, live);
            await Ready(fleet);
            // AAPL reaches its target, MSFT its stop, NVDA stays in between.
            await Minute(bus, venue, db, session, m0.AddMinutes(6), t => t switch { "AAPL" => (105m, 111m, 104m), "MSFT" => (96m, 97m, 94m), _ => (101m, 102m, 100m) });
            await Minute(bus, venue, db, session, m0.AddMinutes(7), _ => (101m, 101m, 101m));

            return await Check(venue, db, orders);
        }
        finally
        {
            await bus.StopAsync();
            await fleet.StopAll(TimeSpan.FromSeconds(20));
        }
    }

    async Task<bool> Check(FakeVenue.FakeVenue venue, Db db, IReadOnlyList<PlaceBracketOrder> orders)
    {
        var ids = orders.SelectMany(o => new[] { LegRole.Entry, LegRole.Target }.Select(r => ClientOrderIds.For(o.ExecutionId, r))).ToList();
        var duplicated = ids.Count(id => venue.Orders.Count(o => o.ClientOrderId == id) != 1);
        var faulted = venue.Requests.Where(r => r.Fault is not null).Select(r => $"{r.Fault} ({r.Status})").ToList();
        var brokerFaults = await db.Scalar("SELECT count(*) FROM risk_events WHERE reason_code = 'BROKER_FAULT'", -1L);
        var states = (await db.Rows("SELECT ticker, state, coalesce(exit_reason, '') FROM brackets ORDER BY ticker"))
            .Select(r => $"{r[0]} {r[1]}{((string)r[2]! is { Length: > 0 } x ? " " + x : "")}").ToList();
        var reconcile = await Reconcile.Run(paths, db);
        var expectedStates = new[] { "AAPL CLOSED TARGET", "MSFT CLOSED STOP", "NVDA PROTECTED" };
        Log.Add($"venue faults served: {string.Join(", ", faulted)}");
        Log.Add($"client order ids with other than one venue order: {duplicated} of {ids.Count}");
        Log.Add($"BROKER_FAULT risk events: {brokerFaults} (expected 3)");
        Log.Add($"brackets: {string.Join(", ", states)}");
        Log.Add($"reconcile_db.sql on the LIVE ledger: {reconcile.Sum(r => r.Rows)} rows");
        return faulted.Count == 3 && duplicated == 0 && brokerFaults == 3 && states.SequenceEqual(expectedStates) && reconcile.All(r => r.Rows == 0);
    }

    /// <summary>The venue sees the minute's bars first, then the gateway gets the minute; waits until it has acted on it.</summary>
    static async Task Minute(IBus bus, FakeVenue.FakeVenue venue, Db db, TradingSession session, DateTimeOffset minute,
        Func<string, (decimal Open, decimal High, decimal Low)> shape, int ordersSent = 0)
    {
        var bars = Tickers.Select(t => shape(t) is var (o, h, l)
            ? new Bar { Symbol = t, Minute = minute, Open = o, High = h, Low = l, Close = o, Volume = 50_000 } : null!).ToList();
        venue.ApplyBars(bars.Select(b => new FakeBar(b.Symbol, b.Minute, b.Open, b.High, b.Low, b.Close, b.Volume)).ToList());
        await bus.Publish(new MinuteBarsClosed { SessionDate = session.Date, Minute = minute, Bars = bars, IsLastOfSession = false });
        await bus.Publish(new DispatchRunCompleted { SessionDate = session.Date, Minute = minute, RunId = Guid.NewGuid(), OrdersSent = ordersSent });
        for (var wait = Stopwatch.StartNew(); ; await Task.Delay(100))
        {
            if (await db.Scalar("SELECT count(*) FROM minute_cursor WHERE session_date = $1 AND next_minute >= $2", 0L, session.Date, minute.AddMinutes(1)) == 1)
                return;
            if (wait.Elapsed > TimeSpan.FromSeconds(90))
                throw new InvalidOperationException($"the LIVE gateway did not finish minute {minute:O} within 90 s");
        }
    }

    static async Task Ready(ServiceFleet fleet)
    {
        if ((await fleet.WaitUntilReady(TimeSpan.FromSeconds(120))).Count > 0)
            throw new InvalidOperationException("the LIVE broker-gateway did not become ready");
    }

    static PlaceBracketOrder Order(string ticker, DateTimeOffset minute) => new()
    {
        ExecutionId = Guid.NewGuid(), RecommendationId = Math.Abs(ticker.GetHashCode(StringComparison.Ordinal)), Ticker = ticker, Side = OrderSide.Buy,
        Action = TradeAction.BuyStock, InstrumentType = InstrumentType.Stock, Qty = 10, EntryPrice = 100m, StopLossPrice = 95m, TakeProfitPrice = 110m, MaxHoldMinutes = 390,
        DecisionTs = minute.AddMinutes(1), SignalTs = minute.AddSeconds(50), Confidence = 0.7m, ConfigSha = "drill-live", ExecutionMode = ExecutionMode.Live,
    };
}
