using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms;
using Microsoft.ML.Transforms.Text;

namespace Tradewire.SentimentTrainer;

/// <summary>
/// The training pipeline: lower-cased word 1-2-grams and character 2-5-grams (TF-IDF, L2-normalised) into a
/// multiclass maximum-entropy model trained by SDCA on one thread (so a seed fixes the result). Rows are weighted
/// by inverse class frequency, which trades a little accuracy on the majority class (neutral) for macro-F1.
/// </summary>
public static class SentimentPipeline
{
    sealed class Row
    {
        public string Text { get; set; } = "";
        public string Label { get; set; } = "";
        public float Weight { get; set; }
    }

    public static ITransformer Train(MLContext ml, IReadOnlyList<LabelledText> rows, TrainerOptions options)
    {
        var counts = rows.GroupBy(r => r.Label).ToDictionary(g => g.Key, g => g.Count());
        var data = ml.Data.LoadFromEnumerable(rows.Select(r => new Row
        {
            Text = Classifier.Sentiment.SentimentText.Normalize(r.Text),
            Label = r.Label,
            Weight = options.Balance ? (float)rows.Count / (counts.Count * counts[r.Label]) : 1f,
        }));

        var featurizer = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepDiacritics = false,
            KeepPunctuations = true,
            KeepNumbers = true,
            Norm = TextFeaturizingEstimator.NormFunction.L2,
            WordFeatureExtractor = new WordBagEstimator.Options
            {
                NgramLength = options.WordNgrams, UseAllLengths = true,
                Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf,
            },
            CharFeatureExtractor = options.CharNgrams <= 0 ? null : new WordBagEstimator.Options
            {
                NgramLength = options.CharNgrams, UseAllLengths = false,
                Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf,
            },
        };

        // The label mapping is fitted apart so the saved model does not ask for a Label column at scoring time;
        // the key values (sorted labels) still become the Score column's slot names.
        var keyed = ml.Transforms.Conversion.MapValueToKey("Label", "Label",
                keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Fit(data).Transform(data);
        var pipeline = ml.Transforms.Text.FeaturizeText("Features", featurizer, nameof(Row.Text))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = "Label",
                FeatureColumnName = "Features",
                ExampleWeightColumnName = nameof(Row.Weight),
                NumberOfThreads = 1,
                L2Regularization = options.L2,
                MaximumNumberOfIterations = options.Iterations,
            }))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        return pipeline.Fit(keyed);
    }

    /// <summary>Saves the model with a schema whose only input column is <c>Text</c>.</summary>
    public static void Save(MLContext ml, ITransformer model, string path)
    {
        var schema = SchemaDefinition.Create(typeof(Classifier.Sentiment.MlNetSentimentModel.SentimentInput));
        var inputSchema = ml.Data.LoadFromEnumerable(Array.Empty<Classifier.Sentiment.MlNetSentimentModel.SentimentInput>(), schema).Schema;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var file = File.Create(path);
        ml.Model.Save(model, inputSchema, file);
    }
}

/// <summary>Knobs of the training run (defaults are the shipped model's).</summary>
public sealed record TrainerOptions(int WordNgrams = 2, int CharNgrams = 4, float? L2 = null, int? Iterations = null, bool Balance = true);
