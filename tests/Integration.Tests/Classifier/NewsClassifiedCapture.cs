using System.Collections.Concurrent;
using Tradewire.Contracts.News;

namespace Tradewire.Integration.Tests.Classifier;

/// <summary>Keeps every <see cref="NewsClassified"/> this test process receives; tests pick theirs by news id or minute.</summary>
public sealed class NewsClassifiedCapture : IConsumer<NewsClassified>
{
    public static ConcurrentQueue<NewsClassified> Received { get; } = new();

    public Task Consume(ConsumeContext<NewsClassified> context)
    {
        Received.Enqueue(context.Message);
        return Task.CompletedTask;
    }
}
