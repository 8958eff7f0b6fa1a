using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.ServiceDefaults.Tests.MarketTime;

/// <summary>Checks the calendar against every row of shared/data/calendar/nyse_2024_2027_from_lean.csv.</summary>
public class When_reading_the_nyse_calendar_table
{
    readonly NyseCalendar _calendar = new();

    public static TheoryData<string> Holidays => NyseCalendarRows.Dates("holiday");

    public static TheoryData<string> EarlyCloses => NyseCalendarRows.Dates("early_close");

    [Theory]
    [MemberData(nameof(Holidays))]
    public void Should_have_no_session_on_a_holiday(string date)
    {
        var day = DateOnly.Parse(date);

        Assert.False(_calendar.IsTradingDay(day));
        Assert.Null(_calendar.GetSession(day));
        Assert.False(_calendar.IsOpen(MarketTimeZone.FromMarketLocal(day, new TimeOnly(12, 0))));
    }

    [Theory]
    [MemberData(nameof(EarlyCloses))]
    public void Should_close_early_at_the_listed_time_with_210_minutes(string date)
    {
        var row = NyseCalendarRows.Get(date);

        var session = _calendar.GetSession(row.Date);

        Assert.NotNull(session);
        Assert.True(session.IsEarlyClose);
        Assert.Equal(new TimeOnly(13, 0), row.Close);
        Assert.Equal(MarketTimeZone.FromMarketLocal(row.Date, row.Open!.Value), session.OpenUtc);
        Assert.Equal(MarketTimeZone.FromMarketLocal(row.Date, row.Close!.Value), session.CloseUtc);
        Assert.Equal(new TimeOnly(13, 0), TimeOnly.FromDateTime(MarketTimeZone.ToMarketLocal(session.CloseUtc).DateTime));
        Assert.Equal(210, session.Minutes);
        Assert.True(_calendar.IsOpen(session.CloseUtc.AddMinutes(-1)));
        Assert.False(_calendar.IsOpen(session.CloseUtc));
    }

    [Fact]
    public void Should_list_each_row_on_the_weekday_the_file_names()
    {
        Assert.Equal(50, NyseCalendarRows.All.Count);
        Assert.All(NyseCalendarRows.All, row => Assert.StartsWith(row.Weekday, row.Date.DayOfWeek.ToString()));
    }

    [Fact]
    public void Should_trade_a_regular_390_minute_session_on_every_other_weekday_of_2024_to_2027()
    {
        var listed = NyseCalendarRows.All.Select(r => r.Date).ToHashSet();
        var regularDays = 0;
        for (var day = new DateOnly(2024, 1, 1); day <= new DateOnly(2027, 12, 31); day = day.AddDays(1))
        {
            var session = _calendar.GetSession(day);
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                Assert.Null(session);
                continue;
            }
            if (listed.Contains(day))
                continue;
            Assert.NotNull(session);
            Assert.False(session.IsEarlyClose, $"{day} is not an early close in the file");
            Assert.Equal(390, session.Minutes);
            Assert.Equal(new TimeOnly(9, 30), TimeOnly.FromDateTime(MarketTimeZone.ToMarketLocal(session.OpenUtc).DateTime));
            regularDays++;
        }
        // 1045 weekdays in 2024-2027, less the 41 holidays and 9 early closes listed.
        Assert.Equal(1045 - 50, regularDays);
    }
}
