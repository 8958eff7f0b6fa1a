using System.CommandLine;
using Tradewire.Cli.CommandLine;

namespace Tradewire.Cli.Shakedown;

/// <summary>
/// <c>./tradewire shakedown [--days 7] [--date yyyy-MM-dd]</c> on the dispatcher's database (local, or
/// TRADEWIRE_DB_DISPATCHER for a remote system). The window ends on --date or the latest day in the data.
/// Exit code 1 when a required check fails.
/// </summary>
public static class ShakedownCommand
{
    public static Command Definition(RepoPaths paths)
    {
        var days = CliOptions.Int("--days", "days in the window", 7, 1, 366);
        var date = CliOptions.Date("the window's last day (default: the latest day in the data)");
        var command = new Command("shakedown", "the shakedown plan's daily checks and day-7 questions, and the week's baseline (saved, compared)") { days, date };
        command.SetAction(r => Run(paths, r.GetValue(days), r.GetValue(date)));
        return command;
    }

    public static async Task<int> Run(RepoPaths paths, int days, DateOnly? date)
    {
        var dispatcher = BurnIn.BurnInCliCommand.Databases(paths)("dispatcher");
        try
        {
            var last = date ?? await ShakedownCheck.LatestDay(dispatcher);
            var result = await ShakedownCheck.Run(dispatcher, last, days, Path.Combine(paths.StateDir, "reports"), Console.Out);
            return result.Passed ? 0 : 1;
        }
        catch (Npgsql.NpgsqlException e)
        {
            throw new InvalidOperationException("shakedown: the dispatcher's database did not answer: " + e.Message, e);
        }
    }
}
