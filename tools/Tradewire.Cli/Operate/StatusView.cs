using System.Text;

namespace Tradewire.Cli.Operate;

/// <summary>Formats a <see cref="StatusSnapshot"/> as one screen of text (pure: no I/O, so it is unit-tested).</summary>
public static class StatusView
{
    public const int RestartsShown = 5;

    public static string Render(StatusSnapshot s, DateTimeOffset now)
    {
        var text = new StringBuilder();
        if (s.SupervisorPid is null)
            text.AppendLine("Tradewire is not up (no supervisor running): ./tradewire up");
        else
            text.AppendLine($"Tradewire up: supervisor pid {s.SupervisorPid}, feed {s.Settings?.Feed ?? "?"}" +
                            (s.Supervisor is { } sup ? $", since {sup.StartedAt:yyyy-MM-dd HH:mm:ss}Z ({Age(now - sup.StartedAt)})" : ""));

        text.AppendLine();
        text.AppendLine("SERVICE          ADDRESS                  READY  RESTARTS");
        foreach (var (name, address, ready) in s.Readiness)
        {
            var restarts = s.Supervisor?.Units.FirstOrDefault(u => u.Name == name)?.RestartCount ?? 0;
            text.AppendLine($"{name,-16} {address.ToString().TrimEnd('/'),-24} {(ready ? "yes" : "NO"),-6} {restarts}");
        }

        text.AppendLine();
        text.AppendLine($"Session {(s.Session is { } d ? d.ToString("yyyy-MM-dd") : "none yet")}: minute reached per stage (New York time) and lag behind the stage before");
        for (var i = 0; i < s.Stages.Count; i++)
            text.AppendLine(StageLine(s.Stages[i], i == 0 ? null : s.Stages[i - 1]));

        text.AppendLine();
        text.AppendLine(s.Feed is { } f
            ? $"Feed: {f.Feed} {f.State}, {f.BarsLastMinute} bars in the last minute, {f.Reconnects} reconnects" +
              (f.MarketNow is null ? "" : $", market now {f.MarketNow}") +
              (f.IdleUntil is null ? "" : $", no session until {f.IdleUntil}") + (f.LastFault is null ? "" : $", last fault: {f.LastFault}")
            : "Feed: unknown (ingest does not answer GET /feed)");
        text.AppendLine($"Trading: {s.TradingState ?? "unknown (broker-gateway does not answer GET /risk)"}, mode {s.Settings?.TradingMode ?? "?"}");

        var restartsList = s.Supervisor?.Restarts ?? [];
        text.AppendLine();
        text.AppendLine(restartsList.Count == 0 ? "Restarts: none" : $"Restarts ({restartsList.Count}, latest {Math.Min(RestartsShown, restartsList.Count)}):");
        foreach (var r in restartsList.TakeLast(RestartsShown))
            text.AppendLine($"   {r.At:yyyy-MM-dd HH:mm:ss}Z {r.Unit} exited with code {r.ExitCode} after {r.RanSeconds:F1} s; restarted after {r.DelaySeconds:F0} s ({Age(now - r.At)} ago)");
        return text.ToString();
    }

    /// <summary>One stage: its minute, then minutes behind and wall latency relative to the stage before it.</summary>
    public static string StageLine(StageProgress stage, StageProgress? upstream)
    {
        var line = $"   {stage.Service,-15} {stage.MinuteText,-6}";
        if (upstream is null)
            return line;
        var behind = stage.MinutesBehind(upstream) is { } m ? $"{m} min behind {upstream.Service}" : stage.Minute is null ? "not started" : "";
        var latency = stage.Latency is { } l ? $", {l.TotalSeconds:F1} s after it on {stage.MinuteText}" : "";
        return line + " " + behind + latency;
    }

    static string Age(TimeSpan t) => t.TotalHours >= 1 ? $"{(int)t.TotalHours} h {t.Minutes} min" : t.TotalMinutes >= 1 ? $"{(int)t.TotalMinutes} min {t.Seconds} s" : $"{Math.Max(0, (int)t.TotalSeconds)} s";
}
