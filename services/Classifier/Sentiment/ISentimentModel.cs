namespace Tradewire.Classifier.Sentiment;

/// <summary>
/// Scores the sentiment of a headline. Implementations are thread-safe and deterministic: the same text always
/// gets the same result from the same model (same <see cref="Version"/>).
/// </summary>
public interface ISentimentModel
{
    /// <summary>Identifies the model (name and a content hash), stored with every classified row.</summary>
    string Version { get; }

    SentimentResult Score(string text);
}
