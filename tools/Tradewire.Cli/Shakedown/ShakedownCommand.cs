using System.Globalization;

namespace Tradewire.Cli.Shakedown;

/// <summary>
/// <c>./tradewire shakedown [--days 7] [--date yyyy-MM-dd]</c> on the dispatcher's database (local, or
/// TRADEWIRE_DB_DISPATCHER for a remote system). The window ends on --date or the latest day in the data.
/// Exit code 1 when a required check fails.
/// </summary>
public static class ShakedownCommand
{
    const string Usage = "usage: ./tradewire shakedown [--days 7] [--date yyyy-MM-dd]";

    public static async Task<int> Run(RepoPaths paths, string[] args)
    {
        var days = 7;
        DateOnly? date = null;
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length)
                throw new InvalidOperationException(Usage);
            switch (args[i])
            {
                case "--days" when int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 366: days = n; break;
                case "--days": throw new InvalidOperationException($"--days wants a number of days 1-366, got '{args[i + 1]}'");
                case "--date": date = BurnIn.BurnInCheck.ParseDate(args[i + 1]); break;
                default: throw new InvalidOperationException(Usage);
            }
        }
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
