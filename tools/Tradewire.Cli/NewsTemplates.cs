namespace Tradewire.Cli;

/// <summary>Headline templates for the sample session's synthetic news (written for this project).</summary>
static class NewsTemplates
{
    static readonly string[] Bullish =
    [
        "{0} beats quarterly estimates and raises full-year guidance",
        "{0} shares jump after analysts upgrade the stock to buy",
        "${1} surges as record demand lifts revenue outlook",
        "{0} announces $10 billion buyback, stock rallies",
        "{0} wins major contract, shares climb to a record high",
        "{0} profit soars on strong sales growth",
    ];

    static readonly string[] Bearish =
    [
        "{0} cuts outlook as demand slows, shares fall",
        "{0} shares slump after downgrade to sell",
        "${1} plunges after earnings miss and weak guidance",
        "Regulators open probe into {0}, stock drops",
        "{0} recalls products and warns of lower profit",
        "{0} misses revenue estimates, shares tumble",
    ];

    static readonly string[] Neutral =
    [
        "{0} to present at investor conference next week",
        "{0} announces date for quarterly results",
        "{0} names new head of investor relations",
        "{0} annual shareholder meeting scheduled for May",
    ];

    public static (string Title, string? Summary) Headline(Random rng, string ticker, string name, string exchange, int direction)
    {
        var pool = direction > 0 ? Bullish : direction < 0 ? Bearish : Neutral;
        var title = string.Format(pool[rng.Next(pool.Length)], name, ticker);
        return (title, $"Synthetic sample item about {name} ({exchange}: {ticker}).");
    }
}
