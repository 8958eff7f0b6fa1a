using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Tradewire.ServiceDefaults.Messaging.Outbox;

namespace Tradewire.ServiceDefaults.Sequencing;

/// <summary>
/// The consume path of a minute-driven stage: the messages waiting on its queue (a <see cref="Batch{T}"/>, one
/// message when nothing else waits) are taken in one transaction: one inbox claim for all of them
/// (<see cref="TransactionalBatch{TDbContext}"/>), one cursor lock and move (<see cref="MinuteSequencer{TDbContext}.OfferMany{T}"/>),
/// the per-minute code on each completed minute in market order, one commit and one outbox delivery. The
/// per-minute code is the same whatever the batch holds, so a minute's results are the same alone or in a batch.
/// </summary>
/// <remarks>
/// A batch is acknowledged or faulted as a whole. So that one bad message cannot fault the others, a failed batch
/// of several is taken again one message per transaction: the ones that go through are marked consumed (the
/// batch's fault then passes them by) and only the failing ones are faulted, each retried and finally sent to the
/// error queue with its own reason.
/// </remarks>
public sealed class MinuteBatch<TDbContext>(TransactionalBatch<TDbContext> transactional, MinuteSequencer<TDbContext> sequencer,
    ILogger<MinuteBatch<TDbContext>> log) where TDbContext : DbContext
{
    /// <summary>
    /// Offers the batch's fresh messages as inputs of <paramref name="stream"/> and runs <paramref name="act"/> on every
    /// minute they complete, in market order, publishing through the batch's outbox.
    /// </summary>
    public Task Run<TConsumer, T>(ConsumeContext<Batch<T>> context, string stream, IReadOnlyCollection<string> requiredStreams,
        Func<T, (DateOnly SessionDate, DateTimeOffset Minute)> minuteOf, Func<CompletedMinute, IPublishEndpoint, CancellationToken, Task> act)
        where T : class =>
        RunMinutes<TConsumer, T>(context, stream, requiredStreams, minuteOf, async (minutes, publish, token) =>
        {
            foreach (var minute in minutes)
                await act(minute, publish, token);
        });

    /// <summary>
    /// As <see cref="Run{TConsumer,T}"/>, for a stage that loads its state once for the minutes completed in one
    /// transaction: <paramref name="act"/> gets those of one session at a time, in market order (never none).
    /// </summary>
    public async Task RunMinutes<TConsumer, T>(ConsumeContext<Batch<T>> context, string stream, IReadOnlyCollection<string> requiredStreams,
        Func<T, (DateOnly SessionDate, DateTimeOffset Minute)> minuteOf, Func<IReadOnlyList<CompletedMinute>, IPublishEndpoint, CancellationToken, Task> act)
        where T : class
    {
        var messages = context.Message.ToList();
        var address = context.ReceiveContext.InputAddress;
        var token = context.CancellationToken;
        Task Once(IReadOnlyList<ConsumeContext<T>> some) => transactional.Run<TConsumer, T>(some, address, async work =>
        {
            var inputs = work.Fresh.Select(m => (minuteOf(m.Message).SessionDate, minuteOf(m.Message).Minute, m.Message)).ToList();
            foreach (var session in (await sequencer.OfferMany(stream, inputs, requiredStreams, token)).GroupBy(m => m.SessionDate))
                await act(session.ToList(), work.Publish, token);
        }, token);

        try
        {
            await Once(messages);
        }
        catch (Exception e) when (messages.Count > 1 && !token.IsCancellationRequested)
        {
            log.LogWarning(e, "A batch of {Count} {Message} failed; taking them one at a time so only a bad one faults", messages.Count, typeof(T).Name);
            await OneByOne<TConsumer, T>(messages, Once, token);
        }
    }

    static async Task OneByOne<TConsumer, T>(List<ConsumeContext<T>> messages, Func<IReadOnlyList<ConsumeContext<T>>, Task> once,
        CancellationToken token) where T : class
    {
        var failures = new List<Exception>();
        foreach (var message in messages)
        {
            var watch = Stopwatch.StartNew();
            try
            {
                await once([message]);
            }
            catch (Exception e) when (!token.IsCancellationRequested)
            {
                failures.Add(e);
                continue;
            }
            // Marks the message consumed, which is what lets the batch's fault pass it by.
            await message.NotifyConsumed(message, watch.Elapsed, typeof(TConsumer).Name);
        }
        if (failures.Count == 1)
            ExceptionDispatchInfo.Throw(failures[0]);
        if (failures.Count > 1)
            throw new AggregateException($"{failures.Count} of a batch of {messages.Count} messages failed", failures);
    }
}
