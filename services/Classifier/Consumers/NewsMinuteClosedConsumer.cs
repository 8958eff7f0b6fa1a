using MassTransit;
using Tradewire.Classifier.Classification;
using Tradewire.Classifier.Persistence;
using Tradewire.Contracts.News;
using Tradewire.ServiceDefaults.Sequencing;

namespace Tradewire.Classifier.Consumers;

/// <summary>
/// One news minute in, one <see cref="NewsClassified"/> out (items in input order, empty minutes included), the
/// rows and the publish in one transaction (inbox + consumer outbox). Minutes go through the minute sequencer,
/// so they are classified in market-time order and each exactly once, even when redelivered late.
/// </summary>
public sealed class NewsMinuteClosedConsumer(NewsClassifier classifier, ClassifiedNewsStore store,
    MinuteSequencer<ClassifierDbContext> sequencer) : IConsumer<NewsMinuteClosed>
{
    public async Task Consume(ConsumeContext<NewsMinuteClosed> context)
    {
        var message = context.Message;
        foreach (var minute in await sequencer.Offer("news", message.SessionDate, message.Minute, message, ["news"], context.CancellationToken))
        {
            var news = minute.Get<NewsMinuteClosed>("news");
            var items = news.Items.Select(classifier.Classify).ToArray();
            if (items.Length > 0)
                await store.Insert(news.Minute, items, context.CancellationToken);
            await context.Publish(new NewsClassified { SessionDate = news.SessionDate, Minute = news.Minute, Items = items });
        }
    }
}
