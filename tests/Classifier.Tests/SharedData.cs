using Tradewire.Tests.Shared;

namespace Tradewire.Classifier.Tests;

/// <summary>The shared data these tests read (located by <see cref="SharedDirectory"/>).</summary>
static class SharedData
{
    public static string SentimentCsv => SharedDirectory.File("data", "sentiment", "sent_train.csv");
}
