using Tradewire.Dispatcher.Domain.Outcomes;

namespace Tradewire.Dispatcher.Tests;

public sealed class When_an_outcomes_date_is_given
{
    [Fact]
    public void Should_take_a_calendar_date_as_year_month_day()
    {
        Assert.Equal(new DateOnly(2026, 12, 7), OutcomeDate.Parse("2026-12-07", out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Should_refuse_a_missing_date_and_say_how_to_give_one(string? text)
    {
        Assert.Null(OutcomeDate.Parse(text, out var error));
        Assert.Equal("date is required: ?date=yyyy-MM-dd (a trading date, New York)", error);
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("2026-13-01")]
    [InlineData("2026-12-7")]
    [InlineData("12/07/2026")]
    [InlineData("2026-12-07T00:00:00Z")]
    [InlineData("yesterday")]
    public void Should_refuse_anything_but_a_real_calendar_date_and_name_it(string text)
    {
        Assert.Null(OutcomeDate.Parse(text, out var error));
        Assert.Equal($"date '{text}' is not a calendar date as yyyy-MM-dd (for example 2026-12-07)", error);
    }
}
