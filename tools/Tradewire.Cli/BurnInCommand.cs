using System.CommandLine;
using Tradewire.Cli.CommandLine;
using Tradewire.Cli.BurnIn;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Cli;

/// <summary>
/// <c>./tradewire burnin-report [--date yyyy-MM-dd] [--out FILE] [--heat-cap PERCENT]</c>: the burn-in plan's
/// report for one session from the local databases (default: the latest session the broker-gateway traded),
/// written as HTML (default <c>.tradewire/reports/burnin-DATE.html</c>). The heat cap is the running broker-gateway's (GET /risk) unless --heat-cap names one. Exit code 1 if a daily requirement failed.
/// </summary>
public static class BurnInCommand
{
    public const decimal PaperEquity = 100_000m;
    /// <summary>The broker-gateway's default MaxPortfolioHeatFraction (0.06), for callers with no running gateway to ask.</summary>
    public const double DefaultHeatCapPercent = 6.0;

    public static Command Definition(RepoPaths paths)
    {
        var date = CliOptions.Date("the session (default: the latest the broker-gateway traded)");
        var output = new Option<FileInfo?>("--out") { Description = "the HTML file to write (default .tradewire/reports/burnin-DATE.html)" };
        var heatCap = new Option<double?>("--heat-cap") { Description = "the heat cap in percent of equity (default: the running broker-gateway's)" };
        heatCap.Validators.Add(r => { if (r.GetValueOrDefault<double?>() is <= 0 or > 100) r.AddError("--heat-cap must be a percentage above 0 and at most 100"); });
        var command = new Command("burnin-report", "the burn-in plan's report for a session (HTML: MAE/MFE, P&L, heat, risk events)") { date, output, heatCap };
        command.SetAction(r => Run(paths, r.GetValue(date), r.GetValue(output)?.FullName, r.GetValue(heatCap)));
        return command;
    }

    public static async Task<int> Run(RepoPaths paths, DateOnly? date, string? output, double? heatCap)
    {
        var infra = InfraEnvironment.Load(paths);
        var progress = new ReplayProgress(infra);
        if (date is null)
        {
            var latest = await progress.For("broker-gateway").Scalar("SELECT max(session_date)::timestamp FROM minute_cursor", DateTime.MinValue);
            date = latest == DateTime.MinValue
                ? throw new InvalidOperationException("the broker-gateway has traded no session yet: give --date")
                : DateOnly.FromDateTime(latest);
        }
        // The cap the running broker-gateway is configured with (GET /risk), unless the operator names one.
        heatCap ??= (double)(await BurnInLimits.Fetch(ServiceCatalog.Find("broker-gateway")!.BaseAddress, ServiceCatalog.Find("dispatcher")!.BaseAddress,
            OperatorToken.LoadOrCreate(paths))).MaxPortfolioHeatFraction * 100;
        var (file, requirements) = await Write(progress, date.Value, output ?? Path.Combine(paths.StateDir, "reports", $"burnin-{date:yyyy-MM-dd}.html"), heatCap.Value);
        foreach (var r in requirements)
            Console.WriteLine($"   {(r.Passed ? "pass" : "FAIL")}  {r.Name}: {r.Observed}");
        Console.WriteLine($"   burn-in report written to {file}");
        return requirements.All(r => r.Passed) ? 0 : 1;
    }

    public static async Task<(string File, IReadOnlyList<BurnInReport.Requirement> Requirements)> Write(ReplayProgress progress, DateOnly date, string file, double heatCap)
    {
        var session = new NyseCalendar().GetSession(date) ?? throw new InvalidOperationException($"{date:yyyy-MM-dd} is not a trading day");
        var data = await BurnInData.Load(progress.For, date, PaperEquity);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, BurnInReport.Html(date, data, session, PaperEquity, heatCap));
        return (file, BurnInReport.Requirements(data, BurnInReport.HeatTimeline(data.Brackets, session, PaperEquity), heatCap));
    }
}
