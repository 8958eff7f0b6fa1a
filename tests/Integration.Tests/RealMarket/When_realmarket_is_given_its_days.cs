using System.CommandLine;
using Tradewire.Cli.RealMarket;
using Tradewire.Integration.Tests.Operate;

namespace Tradewire.Integration.Tests.RealMarket;

/// <summary>
/// <c>./tradewire realmarket</c>'s arguments, refused before anything runs (no service, no database): the operator
/// sees the one real error, exit code 1.
/// </summary>
public sealed class When_realmarket_is_given_its_days : IDisposable
{
    const string NeedsOne = "give either --date (one or more) or --all";
    readonly OperatorCli _cli = new();

    [Theory]
    [InlineData("2011-13-01")]
    [InlineData("01/03/2011")]
    public async Task Should_name_only_the_bad_date_when_a_date_does_not_parse(string bad)
    {
        var (code, output) = await _cli.Run("realmarket", "--date", "2011-01-03", "--date", bad);

        Assert.Equal(1, code);
        Assert.Contains($"--date '{bad}' is not a date written yyyy-MM-dd", output, StringComparison.Ordinal);
        Assert.DoesNotContain(NeedsOne, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("--all", "--date", "2011-01-03")]
    public async Task Should_ask_for_dates_or_all_when_it_has_neither_or_both(params string[] args)
    {
        var (code, output) = await _cli.Run(["realmarket", .. args]);

        Assert.Equal(1, code);
        Assert.Contains(NeedsOne, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_a_date_option_without_its_value()
    {
        var (code, output) = await _cli.Run("realmarket", "--date");

        Assert.Equal(1, code);
        Assert.Contains("--date", output, StringComparison.Ordinal);
        Assert.DoesNotContain(NeedsOne, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_take_every_repeated_date()
    {
        var parsed = new RootCommand { RealMarketCommand.Definition(LocalInfra.Paths) }
            .Parse(["realmarket", "--date", "2011-01-04", "--date", "2011-01-03"]);

        Assert.Empty(parsed.Errors);
        Assert.Equal([new DateOnly(2011, 1, 4), new DateOnly(2011, 1, 3)], parsed.GetValue<DateOnly[]>("--date")!);
    }

    public void Dispose() => _cli.Dispose();
}
