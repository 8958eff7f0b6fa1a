using System.CommandLine;
using Tradewire.Cli.BurnIn;
using Tradewire.Cli.CommandLine;

namespace Tradewire.Cli.Outcomes;

/// <summary>
/// <c>./tradewire outcomes [--date yyyy-MM-dd]</c>: labels every execution and skipped recommendation of the date
/// (default: the latest session in the data) and prints the summary. Databases as <c>burnin check</c> finds them
/// (local, or TRADEWIRE_DB_DISPATCHER / _INGEST / _FEATURES for a remote system).
/// </summary>
public static class OutcomesCommand
{
    public static Command Definition(RepoPaths paths)
    {
        var date = CliOptions.Date("the session to label (default: the latest in the data)");
        var command = new Command("outcomes", "label the day's executions and skipped recommendations: forward returns, stop/target first, MAE/MFE, regime") { date };
        command.SetAction(r => Run(paths, r.GetValue(date)));
        return command;
    }

    public static async Task<int> Run(RepoPaths paths, DateOnly? day)
    {
        var db = BurnInCliCommand.Databases(paths);
        var date = day ?? await BurnInCheck.LatestSession(db);
        var result = await OutcomeAnnotator.Run(db, date, DateTimeOffset.UtcNow);
        Console.WriteLine($"outcomes {date:yyyy-MM-dd}: {result.Labelled} decisions labelled, {result.Written} rows written or changed " +
                          $"({result.Labelled - result.Written} already up to date), in the dispatcher's database (outcomes)");
        foreach (var line in await OutcomeSummary.Lines(db("dispatcher"), date))
            Console.WriteLine("   " + line);
        return 0;
    }
}
