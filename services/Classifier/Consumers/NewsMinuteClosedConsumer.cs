using MassTransit;
using Tradewire.Classifier.Classification;
using Tradewire.Classifier.Persistence;
using Tradewire.Contracts.News;
using Tradewire.ServiceDefaults.Sequencing;

namespace Tradewire.Classifier.Consumers;

/// <summary>
/// One news minute in, one <see cref="NewsClassified"/> out (items in input order, empty minutes included), the
/// rows and the publish in one transaction (inbox + outbox). Minutes go through the minute sequencer, so they
/// are classified in market-time order and each exactly once, even when redelivered late; the minutes waiting on
/// the queue are taken together, in one transaction (<see cref="MinuteBatch{TDbContext}"/>).
/// </summary>
public sealed class NewsMinuteClosedConsumer(NewsClassifier classifier, ClassifiedNewsStore store,
    MinuteBatch<ClassifierDbContext> batch) : IConsumer<Batch<NewsMinuteClosed>>
{
    const string Stream = "news";
    static readonly string[] RequiredStreams = [Stream];

    public Task Consume(ConsumeContext<Batch<NewsMinuteClosed>> context) =>
        batch.Run<NewsMinuteClosedConsumer, NewsMinuteClosed>(context, Stream, RequiredStreams, m => (m.SessionDate, m.Minute), Act);

    async Task Act(CompletedMinute minute, IPublishEndpoint publish, CancellationToken token)
    {
        var news = minute.Get<NewsMinuteClosed>(Stream);
        var items = news.Items.Select(classifier.Classify).ToArray();
        if (items.Length > 0)
            await store.Insert(news.Minute, items, token);
        await publish.Publish(new NewsClassified { SessionDate = news.SessionDate, Minute = news.Minute, Items = items }, token);
    }
}
