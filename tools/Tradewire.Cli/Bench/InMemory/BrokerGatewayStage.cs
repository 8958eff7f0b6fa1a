using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Tradewire.BrokerGateway.Broker;
using Tradewire.BrokerGateway.Consumers;
using Tradewire.BrokerGateway.Domain;
using Tradewire.BrokerGateway.Engine;
using Tradewire.BrokerGateway.Risk;
using Tradewire.BrokerGateway.Saga;
using Tradewire.Contracts.Execution;
using Tradewire.Contracts.Market;
using Tradewire.Contracts.Risk;

namespace Tradewire.Cli.Bench.InMemory;

/// <summary>
/// broker-gateway: production's three consumers on one endpoint, the ledger in memory.
/// <list type="bullet">
/// <item><see cref="PlaceBracketOrder"/>: as <c>PlaceBracketOrderConsumer</c> + <c>BookStore.ReadBracket</c>, the command
/// becomes a REQUESTED <see cref="Bracket"/> (once per execution id; dispatch minute from DecisionTs by
/// <see cref="PlaceBracketOrderConsumer.DispatchMinute"/>) and its saga gets <see cref="BracketRequested"/>.</item>
/// <item>Bars and the dispatcher's run joined per minute, as <c>MinuteStep</c>: the minute runs once its brackets are
/// all here (production throws <c>MissingOrdersException</c> and retries; here it waits), on a <see cref="Book"/>
/// loaded as <c>BookStore.Load</c> does (open brackets and every order of them, working orders, positions, marks,
/// entries today), a fresh <see cref="PaperBroker"/> with the working orders restored, and
/// <see cref="MinuteEngine.Process"/> with the service's default <see cref="RiskLimits"/>,
/// <see cref="PaperBrokerOptions"/> and <see cref="EngineOptions"/> (the same values as its appsettings). The
/// bracket sagas run on MassTransit's mediator with the in-memory saga repository, as the service's unit tests do.
/// What the step produced (fills, closes, risk events) is published.</item>
/// </list>
/// </summary>
public sealed class BrokerGatewayStage : MinuteStage, IConsumer<PlaceBracketOrder>, IConsumer<MinuteBarsClosed>, IConsumer<DispatchRunCompleted>,
    IAsyncDisposable
{
    static readonly string[] Streams = ["bars", "dispatch"];

    readonly MinuteJoin _join;
    readonly ServiceProvider _sagaServices;
    readonly AsyncServiceScope _sagaScope;
    readonly BracketLifecycle _lifecycle;
    readonly RiskLimits _limits = new();
    readonly PaperBrokerOptions _paper = new();
    readonly EngineOptions _options = new();

    // The ledger between minutes (the service's tables): only what BookStore.Load would load again is kept.
    readonly Dictionary<Guid, Bracket> _brackets = [];
    readonly Dictionary<string, OrderRecord> _orders = new(StringComparer.Ordinal);
    readonly Dictionary<string, Position> _positions = new(StringComparer.Ordinal);
    readonly Dictionary<string, Mark> _marks = new(StringComparer.Ordinal);
    readonly Dictionary<string, int> _entriesToday = new(StringComparer.Ordinal);
    readonly TradingStatus _status = new() { State = TradingState.Active, Reason = "initial", Actor = "system" };
    readonly HashSet<Guid> _received = [];
    readonly Dictionary<DateTimeOffset, int> _receivedPerMinute = [];

    public BrokerGatewayStage(PipelineRun run) : base(run)
    {
        _join = new MinuteJoin(run.FirstMinute, Streams);
        var services = new ServiceCollection();
        services.AddScoped<BracketLifecycle>();
        services.AddMediator(x => x.AddSagaStateMachine<BracketSaga, BracketSagaState>().InMemoryRepository());
        _sagaServices = services.BuildServiceProvider();
        _sagaScope = _sagaServices.CreateAsyncScope();
        _lifecycle = _sagaScope.ServiceProvider.GetRequiredService<BracketLifecycle>();
    }

    public Task Consume(ConsumeContext<PlaceBracketOrder> context) => Guarded(async () =>
    {
        var m = context.Message;
        if (!Enum.IsDefined(m.Side) || m.Qty <= 0 || m.Qty != decimal.Floor(m.Qty))
            throw new InvalidOperationException($"{m.ExecutionId}: side must be BUY or SELL and qty whole shares > 0");
        if (_received.Add(m.ExecutionId))
        {
            var decisionTs = m.DecisionTs.ToUniversalTime();
            var bracket = new Bracket
            {
                ExecutionId = m.ExecutionId, RecommendationId = m.RecommendationId, Ticker = m.Ticker, Side = m.Side,
                Action = m.Action, InstrumentType = m.InstrumentType, PlannedQty = m.Qty, Qty = 0, EntryPrice = m.EntryPrice,
                StopPrice = m.StopLossPrice, TargetPrice = m.TakeProfitPrice, MaxHoldMinutes = m.MaxHoldMinutes, DecisionTs = decisionTs,
                SignalTs = m.SignalTs.ToUniversalTime(), DispatchMinute = PlaceBracketOrderConsumer.DispatchMinute(m.DecisionTs),
                Confidence = m.Confidence, ConfigSha = m.ConfigSha, ExecutionMode = m.ExecutionMode, State = BracketState.Requested,
                CreatedAt = decisionTs,
            };
            _brackets[bracket.ExecutionId] = bracket;
            _receivedPerMinute[bracket.DispatchMinute] = _receivedPerMinute.GetValueOrDefault(bracket.DispatchMinute) + 1;
            await _lifecycle.Receive(m.ExecutionId, decisionTs, m.Ticker);
        }
        await Advance(context);
    });

    public Task Consume(ConsumeContext<MinuteBarsClosed> context) => Guarded(() =>
    {
        _join.Add("bars", context.Message.Minute, context.Message);
        return Advance(context);
    });

    public Task Consume(ConsumeContext<DispatchRunCompleted> context) => Guarded(() =>
    {
        _join.Add("dispatch", context.Message.Minute, context.Message);
        return Advance(context);
    });

    async Task Advance(ConsumeContext context)
    {
        while (_join.TryTake(out var minute, m => _receivedPerMinute.GetValueOrDefault(m.Minute) >= m.Get<DispatchRunCompleted>("dispatch").OrdersSent))
        {
            await Step(context, minute.Minute, minute.Get<MinuteBarsClosed>("bars").Bars);
            if (++Run.GatewayMinutes == Run.Minutes)
                Run.Complete();
        }
    }

    async Task Step(IPublishEndpoint publish, DateTimeOffset minute, IReadOnlyList<Bar> bars)
    {
        var book = Load();
        var broker = PaperBroker.With(_paper, book.Orders.Values.Where(o => o.Status == OrderStatus.Working));
        await new MinuteEngine(broker, _limits, _options, _lifecycle).Process(book, Run.Session, minute, bars);
        Save(book);
        Run.Fills += book.NewTrades.Count;
        foreach (var message in book.Outgoing)
            await publish.Publish(message);
    }

    /// <summary>BookStore.Load: brackets not CLOSED/REJECTED or with a working order, their orders and every working order, positions, marks.</summary>
    Book Load()
    {
        var book = new Book { Status = _status };
        var working = _orders.Values.Where(o => o.Status == OrderStatus.Working).Select(o => o.ExecutionId).ToHashSet();
        foreach (var b in _brackets.Values.Where(b => b.State is not (BracketState.Closed or BracketState.Rejected) || working.Contains(b.ExecutionId)))
            book.Brackets[b.ExecutionId] = b;
        foreach (var o in _orders.Values.Where(o => o.Status == OrderStatus.Working || book.Brackets.ContainsKey(o.ExecutionId)))
            book.Orders[o.ClientOrderId] = o;
        foreach (var (k, v) in _positions) book.Positions[k] = v;
        foreach (var (k, v) in _marks) book.Marks[k] = v;
        foreach (var (k, v) in _entriesToday) book.EntriesToday[k] = v;
        return book;
    }

    /// <summary>BookStore.Save, then forget what the next Load would not read (closed brackets without a working order, and their orders).</summary>
    void Save(Book book)
    {
        foreach (var (k, v) in book.Orders) _orders[k] = v;
        foreach (var (k, v) in book.Positions) _positions[k] = v;
        foreach (var (k, v) in book.Marks) _marks[k] = v;
        foreach (var (k, v) in book.EntriesToday) _entriesToday[k] = v;
        var working = _orders.Values.Where(o => o.Status == OrderStatus.Working).Select(o => o.ExecutionId).ToHashSet();
        foreach (var b in _brackets.Values.Where(b => b.State is BracketState.Closed or BracketState.Rejected && !working.Contains(b.ExecutionId)).ToList())
            _brackets.Remove(b.ExecutionId);
        foreach (var o in _orders.Values.Where(o => o.Status != OrderStatus.Working && !_brackets.ContainsKey(o.ExecutionId)).ToList())
            _orders.Remove(o.ClientOrderId);
    }

    public async ValueTask DisposeAsync()
    {
        await _sagaScope.DisposeAsync();
        await _sagaServices.DisposeAsync();
    }
}
