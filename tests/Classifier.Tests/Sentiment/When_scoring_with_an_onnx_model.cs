using Microsoft.Extensions.Configuration;
using Tradewire.Classifier.Sentiment;

namespace Tradewire.Classifier.Tests.Sentiment;

/// <summary>The ONNX path end to end on a bag-of-embeddings model the test writes, FinBERT label order.</summary>
public sealed class When_scoring_with_an_onnx_model : IDisposable
{
    // ids:                 0        1        2        3        4        5         6         7      8
    static readonly string[] Vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "shares", "soar", "plunge", "##s", "."];

    // logits per token, FinBERT order (positive, negative, neutral)
    static readonly float[,] Embedding =
    {
        { 0, 0, 0 }, { 0, 0, 0.5f }, { 0, 0, 1 }, { 0, 0, 0 }, { 0, 0, 0.5f }, { 4, 0, 0 }, { 0, 4, 0 }, { 0, 0, 0.2f }, { 0, 0, 0 },
    };

    readonly string directory = Directory.CreateTempSubdirectory("tw-onnx-").FullName;

    string Write(bool withTokenTypes = false)
    {
        var path = Path.Combine(directory, "tiny.onnx");
        File.WriteAllBytes(path, TinyOnnxModel.Build(Embedding, withTokenTypes));
        File.WriteAllLines(Path.Combine(directory, "vocab.txt"), Vocab);
        return path;
    }

    ISentimentModel Load(string onnxPath) => SentimentModelFactory.Create(new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Sentiment:Model"] = "onnx", ["Sentiment:OnnxPath"] = onnxPath })
        .Build());

    [Fact]
    public void Should_map_positive_logits_to_bullish()
    {
        var model = Load(Write());
        var result = model.Score("Shares SOAR.");
        // logits: [CLS](0,0,1) shares(0,0,.5) soar(4,0,0) .(0,0,0) => (4, 0, 1.5)
        var expected = Math.Exp(4) / (Math.Exp(4) + Math.Exp(0) + Math.Exp(1.5));
        Assert.Equal(SentimentLabels.Bullish, result.Label);
        Assert.Equal(expected, result.Confidence, 5);
        Assert.Equal(expected - Math.Exp(0) / (Math.Exp(4) + Math.Exp(0) + Math.Exp(1.5)), result.Score, 5);
        Assert.StartsWith("onnx:tiny@", model.Version);
    }

    [Fact]
    public void Should_map_negative_logits_to_bearish_and_unknown_words_to_unk()
    {
        var model = Load(Write());
        Assert.Equal(SentimentLabels.Bearish, model.Score("shares plunge").Label);
        Assert.Equal(SentimentLabels.Neutral, model.Score("quarterly dividend").Label);
    }

    [Fact]
    public void Should_feed_zero_token_types_when_the_graph_asks_for_them()
    {
        var model = Load(Write(withTokenTypes: true));
        Assert.Equal(SentimentLabels.Bullish, model.Score("soars").Label); // soar + ##s
    }

    [Fact]
    public void Should_score_the_same_text_identically()
    {
        var model = Load(Write());
        Assert.Equal(model.Score("shares soar . plunge"), model.Score("shares soar . plunge"));
    }

    [Fact]
    public void Should_refuse_onnx_without_a_model_path() =>
        Assert.Throws<InvalidOperationException>(() => SentimentModelFactory.Create(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Sentiment:Model"] = "onnx" }).Build()));

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
