using MassTransit;
using Tradewire.Classifier.Classification;
using Tradewire.Contracts.News;

namespace Tradewire.Cli.Bench.InMemory;

/// <summary>
/// classifier: as <c>NewsMinuteClosedConsumer</c>, each news minute in market-time order, every item through the
/// service's <see cref="NewsClassifier"/> (tickers + the shipped ML.NET sentiment model), one
/// <see cref="NewsClassified"/> per minute, empty minutes included. No rows stored.
/// </summary>
public sealed class ClassifierStage(PipelineRun run, NewsClassifier classifier) : MinuteStage(run), IConsumer<NewsMinuteClosed>
{
    const string Stream = "news";
    readonly MinuteJoin _join = new(run.FirstMinute, Stream);

    public Task Consume(ConsumeContext<NewsMinuteClosed> context) => Guarded(async () =>
    {
        _join.Add(Stream, context.Message.Minute, context.Message);
        while (_join.TryTake(out var minute))
        {
            var news = minute.Get<NewsMinuteClosed>(Stream);
            var items = news.Items.Select(classifier.Classify).ToArray();
            await context.Publish(new NewsClassified { SessionDate = news.SessionDate, Minute = news.Minute, Items = items });
        }
    });
}
