using Tradewire.SentimentTrainer;

namespace Tradewire.Classifier.Tests.Training;

public sealed class When_splitting_and_measuring
{
    static readonly LabelledText[] Rows = Enumerable.Range(0, 100)
        .Select(i => new LabelledText($"row {i}", i % 10 < 6 ? "neutral" : i % 10 < 8 ? "bullish" : "bearish"))
        .ToArray();

    [Fact]
    public void Should_hold_out_twenty_percent_of_every_class_disjointly()
    {
        var (train, test) = StratifiedSplit.Split(Rows, seed: 42);
        Assert.Equal(80, train.Count);
        Assert.Equal(20, test.Count);
        Assert.Equal(12, test.Count(r => r.Label == "neutral"));
        Assert.Equal(4, test.Count(r => r.Label == "bullish"));
        Assert.Equal(4, test.Count(r => r.Label == "bearish"));
        Assert.Empty(train.Intersect(test));
    }

    [Fact]
    public void Should_give_the_same_split_for_the_same_seed_and_another_for_another()
    {
        Assert.Equal(StratifiedSplit.Split(Rows, 42).Test, StratifiedSplit.Split(Rows, 42).Test);
        Assert.NotEqual(StratifiedSplit.Split(Rows, 42).Test, StratifiedSplit.Split(Rows, 7).Test);
    }

    [Fact]
    public void Should_compute_accuracy_macro_f1_and_the_confusion_matrix()
    {
        (string, string)[] pairs = [("a", "a"), ("a", "a"), ("a", "b"), ("b", "b"), ("b", "a"), ("c", "c")];
        var m = ClassificationMetrics.Compute(["a", "b", "c"], pairs);
        Assert.Equal(4.0 / 6, m.Accuracy, 10);
        Assert.Equal([[2, 1, 0], [1, 1, 0], [0, 0, 1]], m.Confusion.Select(r => r.ToArray()).ToArray());
        // a: P 2/3 R 2/3 F1 2/3; b: P 1/2 R 1/2 F1 1/2; c: 1
        Assert.Equal((2.0 / 3 + 0.5 + 1) / 3, m.MacroF1, 10);
    }

    [Fact]
    public void Should_read_quoted_fields_with_commas_quotes_and_line_breaks()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "text,label\r\n\"Cut, then \"\"cut\"\" again\nnext line\",0\nplain,1\n\"x\",2\n");
            var rows = SentimentCsv.Read(path);
            Assert.Equal([new LabelledText("Cut, then \"cut\" again\nnext line", "bearish"), new LabelledText("plain", "bullish"),
                new LabelledText("x", "neutral")], rows);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
