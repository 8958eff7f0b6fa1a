using MassTransit;
using Microsoft.Extensions.Options;
using Tradewire.BrokerGateway.Broker;
using Tradewire.BrokerGateway.Persistence;
using Tradewire.BrokerGateway.Risk;
using Tradewire.Contracts.Execution;
using Tradewire.Contracts.Market;
using Tradewire.Contracts.Risk;
using Tradewire.ServiceDefaults.MarketTime;
using Tradewire.ServiceDefaults.Sequencing;

namespace Tradewire.BrokerGateway.Engine;

/// <summary>
/// Infrastructure around <see cref="MinuteEngine"/>: offers an input to the sequencer and, for each minute now
/// complete, loads the book, runs the engine on the configured broker, saves, and publishes through the outbox, all in
/// the consumer's transaction.
/// </summary>
public sealed class MinuteStep(BrokerGatewayDbContext db, MinuteSequencer<BrokerGatewayDbContext> sequencer, IMarketCalendar calendar,
    IOptions<RiskLimits> limits, BrokerFactory brokers, IOptions<EngineOptions> options, Saga.BracketLifecycle lifecycle,
    Http.KillSwitchSetting killSwitch, ILogger<MinuteStep> log)
{
    public static readonly string[] Streams = ["bars", "dispatch"];

    public async Task Offer<T>(string stream, DateOnly sessionDate, DateTimeOffset minute, T message, IPublishEndpoint publish, CancellationToken token)
    {
        foreach (var completed in await sequencer.Offer(stream, sessionDate, minute, message, Streams, token))
            await Run(completed, publish);
    }

    async Task Run(CompletedMinute completed, IPublishEndpoint publish)
    {
        var dispatch = completed.Get<DispatchRunCompleted>("dispatch");
        var bars = completed.Get<MinuteBarsClosed>("bars");
        var stored = (await Sql.Query(db, "SELECT count(*) FROM brackets WHERE dispatch_minute = $1", r => r.GetInt64(0), completed.Minute)).Single();
        if (stored < dispatch.OrdersSent)
            throw new MissingOrdersException(completed.Minute, dispatch.OrdersSent, stored);

        var session = calendar.GetSession(completed.SessionDate)!;
        var book = await BookStore.Load(db, session.OpenUtc);
        await BookStore.LoadSagas(db, book);
        // An engaged kill switch stops entries in this very step, even before its watcher has flattened the book.
        if (killSwitch.Engaged && book.Status.State != TradingState.Halted)
            MinuteEngine.ChangeState(book, TradingState.Halted, "KILL_SWITCH engaged", killSwitch.Source, completed.Minute);
        await new MinuteEngine(brokers.For(book.Status.Mode, book.Orders), limits.Value, options.Value, lifecycle, log).Process(book, session, completed.Minute, bars.Bars);
        await BookStore.Save(db, book);
        StepLog.Write(log, book, completed.Minute);
        foreach (var message in book.Outgoing)
            await publish.Publish(message);
    }
}
