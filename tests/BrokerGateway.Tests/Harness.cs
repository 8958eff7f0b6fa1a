using Tradewire.BrokerGateway.Saga;
using Tradewire.Contracts.Market;
using Tradewire.Contracts.Signals;
using Tradewire.Contracts;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.BrokerGateway.Tests;

/// <summary>
/// A book, a paper broker and the engine on one trading day; minutes addressed as New York times. The bracket
/// sagas run on MassTransit's mediator as in the service, with the in-memory saga repository instead of PostgreSQL.
/// </summary>
public sealed class Harness : IAsyncDisposable
{
    readonly SagaMediator _sagas = new();
    readonly HashSet<Guid> _started = [];

    public static readonly NyseCalendar Calendar = new();

    public Harness(DateOnly? date = null, RiskLimits? limits = null, PaperBrokerOptions? paper = null, IBroker? broker = null, EngineOptions? options = null)
    {
        Session = Calendar.GetSession(date ?? new DateOnly(2026, 11, 23))!;
        Limits = limits ?? new RiskLimits();
        Paper = new PaperBroker(paper ?? new PaperBrokerOptions { SlippageBps = 0 });
        Broker = broker ?? Paper;
        Lifecycle = _sagas.Lifecycle;
        Engine = new MinuteEngine(Broker, Limits, options ?? new EngineOptions(), Lifecycle);
    }

    public BracketLifecycle Lifecycle { get; }

    public TradingSession Session { get; }
    public RiskLimits Limits { get; }
    public PaperBroker Paper { get; }
    public IBroker Broker { get; }
    public MinuteEngine Engine { get; }
    public Book Book { get; } = new() { Status = new TradingStatus { State = TradingState.Active } };

    public DateTimeOffset At(int hour, int minute) => MarketTimeZone.FromMarketLocal(Session.Date, new TimeOnly(hour, minute)).ToUniversalTime();

    public Bracket Request(string ticker = "AAPL", decimal qty = 10, decimal entry = 100m, decimal stop = 95m, decimal target = 110m,
        DateTimeOffset? minute = null, string side = "BUY", string action = "BUY_STOCK", int maxHold = 240, DateTimeOffset? signalTs = null, int decisionSecond = 0, string mode = "PAPER")
    {
        var m = minute ?? At(10, 0);
        var b = new Bracket
        {
            ExecutionId = Guid.NewGuid(), RecommendationId = 1, Ticker = ticker, Side = Wire.Parse<OrderSide>(side), Action = Wire.Parse<TradeAction>(action),
            InstrumentType = InstrumentType.Stock, PlannedQty = qty, EntryPrice = entry, StopPrice = stop, TargetPrice = target, MaxHoldMinutes = maxHold,
            DecisionTs = m.AddSeconds(decisionSecond), SignalTs = signalTs ?? m, DispatchMinute = m, Confidence = 0.8m, ConfigSha = "sha", ExecutionMode = Wire.Parse<ExecutionMode>(mode), CreatedAt = m,
        };
        Book.Brackets[b.ExecutionId] = b;
        return b;
    }

    /// <summary>Processes the minute starting at <paramref name="minute"/> with the given bars.</summary>
    public async Task Step(DateTimeOffset minute, params Bar[] bars)
    {
        await StartSagas();
        await Engine.Process(Book, Session, minute, bars);
    }

    /// <summary>Processes a minute of another session (a later trading day) on the same book.</summary>
    public async Task Step(TradingSession session, DateTimeOffset minute, params Bar[] bars)
    {
        await StartSagas();
        await Engine.Process(Book, session, minute, bars);
    }

    public async Task<bool> Flatten(DateTimeOffset at, string reason)
    {
        await StartSagas();
        return await Engine.Flatten(Book, at, reason);
    }

    /// <summary>What the gateway's command consumer does on receipt: one saga per requested bracket.</summary>
    async Task StartSagas()
    {
        foreach (var b in Book.Brackets.Values.Where(b => _started.Add(b.ExecutionId)))
            await Lifecycle.Receive(b.ExecutionId, b.CreatedAt, b.Ticker);
    }

    public ValueTask DisposeAsync() => _sagas.DisposeAsync();

    public static Bar Bar(string symbol, DateTimeOffset minute, decimal open, decimal high, decimal low, decimal close, long volume = 100_000) =>
        new() { Symbol = symbol, Minute = minute, Open = open, High = high, Low = low, Close = close, Volume = volume };

    public Bar Flat(string symbol, DateTimeOffset minute, decimal price, long volume = 100_000) => Bar(symbol, minute, price, price, price, price, volume);

    public OrderRecord Order(Bracket b, LegRole role) => Book.Order(b, role)!;
    public IEnumerable<string> RiskCodes => Book.NewRiskEvents.Select(e => e.ReasonCode);
}
