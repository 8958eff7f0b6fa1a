using System.Globalization;
using System.Text.Json;
using Microsoft.ML;
using Tradewire.Classifier.Sentiment;
using Tradewire.SentimentTrainer;

// dotnet run --project tools/Tradewire.SentimentTrainer -- --data <csv> --out <model.zip> [--seed 42]
//   [--word-ngrams 2] [--char-ngrams 4] [--l2 x] [--iterations n] [--no-balance]
// Trains on a stratified 80% (fixed seed), scores the held-out 20% through the same MlNetSentimentModel the
// service uses, prints the metrics and writes them next to the model as <model>.metrics.json.
var arguments = TrainerArguments.Parse(args);
var rows = SentimentCsv.Read(arguments.Data);
var (train, test) = StratifiedSplit.Split(rows, arguments.Seed);
Console.WriteLine($"{rows.Count} rows: train {train.Count}, held-out test {test.Count} (seed {arguments.Seed})");

var ml = new MLContext(seed: arguments.Seed);
var started = System.Diagnostics.Stopwatch.StartNew();
var model = SentimentPipeline.Train(ml, train, arguments.Options);
SentimentPipeline.Save(ml, model, arguments.Out);
Console.WriteLine($"trained in {started.Elapsed.TotalSeconds:F1} s; model {new FileInfo(arguments.Out).Length / 1024} KiB at {arguments.Out}");

var scorer = new MlNetSentimentModel(arguments.Out);
var metrics = ClassificationMetrics.Compute(SentimentLabels.All,
    test.Select(r => (r.Label, scorer.Score(r.Text).Label)).ToArray());
var report = new MetricsReport(scorer.Version, Path.GetFileName(arguments.Data), arguments.Seed,
    StratifiedSplit.DefaultTestFraction, train.Count, arguments.Options, metrics);

Console.WriteLine(MetricsReport.Format(metrics));
var metricsPath = Path.ChangeExtension(arguments.Out, ".metrics.json");
File.WriteAllText(metricsPath, JsonSerializer.Serialize(report, MetricsReport.Json) + "\n");
Console.WriteLine($"metrics written to {metricsPath}");
return 0;

sealed record TrainerArguments(string Data, string Out, int Seed, TrainerOptions Options)
{
    public static TrainerArguments Parse(string[] args)
    {
        string? data = null, output = null;
        var seed = 42;
        var options = new TrainerOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--data": data = Next(); break;
                case "--out": output = Next(); break;
                case "--seed": seed = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--word-ngrams": options = options with { WordNgrams = int.Parse(Next(), CultureInfo.InvariantCulture) }; break;
                case "--char-ngrams": options = options with { CharNgrams = int.Parse(Next(), CultureInfo.InvariantCulture) }; break;
                case "--l2": options = options with { L2 = float.Parse(Next(), CultureInfo.InvariantCulture) }; break;
                case "--iterations": options = options with { Iterations = int.Parse(Next(), CultureInfo.InvariantCulture) }; break;
                case "--no-balance": options = options with { Balance = false }; break;
                default: throw new ArgumentException($"unknown argument {args[i]}");
            }
        }
        return new TrainerArguments(data ?? throw new ArgumentException("--data <csv> is required"),
            output ?? throw new ArgumentException("--out <model.zip> is required"), seed, options);
    }
}
