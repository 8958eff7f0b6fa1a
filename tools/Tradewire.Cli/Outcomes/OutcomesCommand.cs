using Tradewire.Cli.BurnIn;

namespace Tradewire.Cli.Outcomes;

/// <summary>
/// <c>./tradewire outcomes [--date yyyy-MM-dd]</c>: labels every execution and skipped recommendation of the date
/// (default: the latest session in the data) and prints the summary. Databases as <c>burnin check</c> finds them
/// (local, or TRADEWIRE_DB_DISPATCHER / _INGEST / _FEATURES for a remote system).
/// </summary>
public static class OutcomesCommand
{
    const string Usage = "usage: ./tradewire outcomes [--date yyyy-MM-dd]";

    public static async Task<int> Run(RepoPaths paths, string[] args)
    {
        var db = BurnInCliCommand.Databases(paths);
        var date = args switch
        {
            [] => await BurnInCheck.LatestSession(db),
            ["--date", var d] => BurnInCheck.ParseDate(d),
            _ => throw new InvalidOperationException(Usage),
        };
        var result = await OutcomeAnnotator.Run(db, date, DateTimeOffset.UtcNow);
        Console.WriteLine($"outcomes {date:yyyy-MM-dd}: {result.Labelled} decisions labelled, {result.Written} rows written or changed " +
                          $"({result.Labelled - result.Written} already up to date), in the dispatcher's database (outcomes)");
        foreach (var line in await OutcomeSummary.Lines(db("dispatcher"), date))
            Console.WriteLine("   " + line);
        return 0;
    }
}
