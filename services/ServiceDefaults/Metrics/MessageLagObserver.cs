namespace Tradewire.ServiceDefaults.Metrics;

/// <summary>
/// Records each consumed message's lag behind its sender on <see cref="MessagingMetrics"/>. A batch is recorded
/// message by message. The sender's stamp (<c>SentTime</c>) is MassTransit's wall-clock UTC, so the lag is measured
/// on the wall clock too, never on the (possibly simulated) market clock: it is a transport measure.
/// </summary>
sealed class MessageLagObserver(MessagingMetrics metrics) : IConsumeObserver
{
    static readonly TimeProvider Wall = TimeProvider.System;

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.Message is IEnumerable<ConsumeContext> batch)
        {
            foreach (var message in batch)
                Record(message);
        }
        else
            Record(context);
        return Task.CompletedTask;
    }

    void Record(ConsumeContext context)
    {
        if (context.SentTime is { } sent)
            metrics.Consumed(context.ReceiveContext.InputAddress, Wall.GetUtcNow().UtcDateTime - DateTime.SpecifyKind(sent, DateTimeKind.Utc));
    }

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
