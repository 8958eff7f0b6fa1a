using MassTransit;
using Tradewire.Classifier.Classification;
using Tradewire.Contracts.News;

namespace Tradewire.Classifier.Consumers;

/// <summary>
/// One news minute in, one <see cref="NewsClassified"/> out (items in input order, empty minutes included), the
/// rows and the publish in one transaction (inbox + consumer outbox). A minute delivered twice has one effect.
/// </summary>
public sealed class NewsMinuteClosedConsumer(NewsClassifier classifier, ClassifiedNewsStore store) : IConsumer<NewsMinuteClosed>
{
    public async Task Consume(ConsumeContext<NewsMinuteClosed> context)
    {
        var minute = context.Message;
        var items = minute.Items.Select(classifier.Classify).ToArray();
        if (items.Length > 0)
            await store.Insert(minute.Minute, items, context.CancellationToken);
        await context.Publish(new NewsClassified { SessionDate = minute.SessionDate, Minute = minute.Minute, Items = items });
    }
}
