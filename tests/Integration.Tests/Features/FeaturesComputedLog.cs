using System.Collections.Concurrent;
using Tradewire.Contracts.Features;

namespace Tradewire.Integration.Tests.Features;

/// <summary>The <see cref="FeaturesComputed"/> messages a test host received, in arrival order, once per MessageId.</summary>
public sealed class FeaturesComputedLog
{
    readonly ConcurrentDictionary<Guid, byte> seen = new();
    readonly ConcurrentQueue<FeaturesComputed> received = new();

    public void Add(Guid messageId, FeaturesComputed message)
    {
        if (seen.TryAdd(messageId, 0))
            received.Enqueue(message);
    }

    /// <summary>The messages of a test: those carrying one of its symbols (other tests publish on the same exchange).</summary>
    public IReadOnlyList<FeaturesComputed> Of(IReadOnlyCollection<string> symbols) =>
        received.Where(m => m.Symbols.Any(s => symbols.Contains(s.Symbol))).ToList();
}
