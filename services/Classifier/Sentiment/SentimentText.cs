using System.Text.RegularExpressions;

namespace Tradewire.Classifier.Sentiment;

/// <summary>
/// The text normalisation applied before the ML.NET model, at training and at scoring alike (the model file does
/// not contain it): links and cashtags are replaced by placeholder words, because the company named says nothing
/// about the sentiment and a link is noise; whitespace is collapsed.
/// </summary>
public static class SentimentText
{
    static readonly Regex Url = new(@"https?://\S+", RegexOptions.CultureInvariant);
    static readonly Regex Cashtag = new(@"\$[A-Za-z][A-Za-z.]{0,6}\b", RegexOptions.CultureInvariant);
    static readonly Regex Space = new(@"\s+", RegexOptions.CultureInvariant);

    public static string Normalize(string text)
    {
        var s = Url.Replace(text, " ");
        s = Cashtag.Replace(s, " tickr ");
        return Space.Replace(s, " ").Trim();
    }
}
