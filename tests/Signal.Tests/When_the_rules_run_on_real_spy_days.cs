using Tradewire.ServiceDefaults.MarketTime;
using Tradewire.Signal.Tests.Calibration;
using Xunit.Abstractions;

namespace Tradewire.Signal.Tests;

/// <summary>
/// Every real SPY session of January and March 2011, one day at a time, through the features service's own
/// indicators, the watchlist and signal engines and the dispatcher's gates and pricing on its default
/// configuration. The per-day signal range asserted here is the one docs/strategy-on-real-markets.md documents;
/// the table the test prints is the one that page shows.
/// </summary>
public sealed class When_the_rules_run_on_real_spy_days(ITestOutputHelper output)
{
    /// <summary>The documented range of one SPY day's signals (all rules), inclusive.</summary>
    public const int MinSignalsPerDay = 2;
    public const int MaxSignalsPerDay = 11;

    /// <summary>The documented floor of executions over the 43 days (the rules once executed nothing on real bars).</summary>
    public const int MinExecutions = 8;

    [Fact]
    public void Should_find_regular_sessions_exactly_on_the_calendars_trading_days()
    {
        var calendar = new NyseCalendar();
        var weekdays = new List<DateOnly>();
        foreach (var month in new[] { 1, 3 })
            for (var day = new DateOnly(2011, month, 1); day.Month == month; day = day.AddDays(1))
                if (calendar.IsTradingDay(day))
                    weekdays.Add(day);

        Assert.Equal(weekdays, RealSpyDays.Dates);
        Assert.Equal(20 + 23, weekdays.Count);
    }

    [Fact]
    public void Should_keep_every_days_signal_count_in_the_documented_range()
    {
        var rows = RealSpyDays.Dates.Select(d => new RealDayRow(d, RealSpyDays.BarCount(d), DecisionPipeline.Run(RealSpyDays.Day(d)))).ToList();
        output.WriteLine(RealDayRow.Header);
        foreach (var row in rows)
            output.WriteLine(row.ToString());

        Assert.All(rows, row => Assert.True(row.Signals is >= MinSignalsPerDay and <= MaxSignalsPerDay,
            $"{row.Date:yyyy-MM-dd}: {row.Signals} signals, documented range {MinSignalsPerDay}-{MaxSignalsPerDay}"));
        Assert.True(rows.Sum(r => r.Report.Executed.Count) >= MinExecutions,
            $"{rows.Sum(r => r.Report.Executed.Count)} executions over {rows.Count} days, documented at least {MinExecutions}");
    }
}
