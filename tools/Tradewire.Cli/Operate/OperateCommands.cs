using System.CommandLine;
using Tradewire.Cli.CommandLine;

namespace Tradewire.Cli.Operate;

/// <summary>
/// The commands that operate the always-on system (up, status, down, replay, and the hidden supervise), parsed by
/// System.CommandLine: <c>./tradewire up --help</c> explains each; a bad option is refused with the reason.
/// </summary>
public static class OperateCommands
{
    /// <summary>up, status, down, replay and the hidden supervise, in the order an operator meets them.</summary>
    public static IEnumerable<Command> All(RepoPaths paths) => [Up(paths), Status(paths), Down(paths), Replay(paths), Supervise(paths)];

    static Command Up(RepoPaths paths)
    {
        var feed = new Option<string>("--feed")
        {
            Description = "where bars come from: replay (only ./tradewire replay), simulated (a local Alpaca-protocol server plays --session on a simulated clock), alpaca (Alpaca's market data; keys from the environment)",
            DefaultValueFactory = _ => RunSettings.Replay,
        };
        feed.AcceptOnlyFromAmong(RunSettings.Feeds);
        var session = new Option<string?>("--session") { Description = "simulated feed: the recorded session the local server plays (default data/sample-session)" };
        var speed = new Option<decimal?>("--speed") { Description = "simulated feed: market minutes per wall minute (default 1)" };
        var date = CliOptions.Date("simulated feed: the trading date (yyyy-MM-dd) to play the session as (default: its manifest's)");
        var opensIn = new Option<int?>("--opens-in") { Description = $"simulated feed: wall seconds from up until the session opens (default {UpCommand.ReadyLimit.TotalSeconds:F0}: the services are up by then)" };
        opensIn.Validators.Add(r => { if (r.GetValueOrDefault<int?>() < 0) r.AddError("--opens-in must be 0 or above"); });
        var up = new Command("up", "start the seven services in the background under a supervisor that restarts any that dies") { feed, session, speed, date, opensIn };
        up.SetAction(r => UpCommand.Run(paths, new UpCommand.Options(r.GetValue(feed)!, r.GetValue(session), r.GetValue(speed), r.GetValue(date),
            r.GetValue(opensIn) is { } s ? TimeSpan.FromSeconds(s) : null)));
        return up;
    }

    static Command Down(RepoPaths paths)
    {
        var down = new Command("down", "stop the services in pipeline order (ingest first, each drained), then the supervisor; safe to run twice");
        down.SetAction(_ => DownCommand.Run(paths));
        return down;
    }

    static Command Status(RepoPaths paths)
    {
        var status = new Command("status", "readiness, the minute each stage reached and the lag between them, the feed, trading state and restarts; exit 1 unless all ready");
        status.SetAction(_ => StatusCommand.Run(paths));
        return status;
    }

    static Command Replay(RepoPaths paths)
    {
        var dir = new Argument<string>("DIR") { Description = "a recorded session directory (manifest.json, bars.csv, news.csv: docs/replay-format.md)" };
        var date = CliOptions.Date("the trading date (yyyy-MM-dd) to replay it as (default: its manifest's)");
        var speed = new Option<decimal>("--speed") { Description = "0 = as fast as the pipeline goes (default), N = N x real time", DefaultValueFactory = _ => 0m };
        speed.Validators.Add(r => { if (r.GetValueOrDefault<decimal>() < 0) r.AddError("--speed must be 0 or above"); });
        var replay = new Command("replay", "replay a recorded session into the running services (ingest's POST /replay)") { dir, date, speed };
        replay.SetAction(r => ReplayCommand.Run(paths, r.GetValue(dir)!, r.GetValue(date), r.GetValue(speed)));
        return replay;
    }

    static Command Supervise(RepoPaths paths)
    {
        var supervise = new Command("supervise", "the supervisor process that up starts detached") { Hidden = true };
        supervise.SetAction(_ => SuperviseCommand.Run(paths));
        return supervise;
    }
}
