using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tradewire.Integration.Tests.Dashboard;

/// <summary>
/// The dashboard's outcomes panel against the dispatcher's <c>outcomes</c> table, counted here in SQL straight from
/// the table (not through the summary code the panel shows), so a wrong count or definition on the page fails.
/// </summary>
public static class OutcomesPanel
{
    public static async Task ShouldShowTheTable(IPage page, Db dispatcher, DateOnly date)
    {
        var day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var ids = (await dispatcher.Rows("SELECT recommendation_id FROM outcomes WHERE trading_date = $1 ORDER BY 1", date))
            .Select(r => N(r[0])).ToList();
        Assert.NotEmpty(ids);

        await page.Locator("#outcomes-date").FillAsync(day);
        await page.Locator("#outcomes-load").ClickAsync();
        await Expect(page.Locator("#outcomes-status")).ToContainTextAsync($"{day}: {ids.Count} decisions labelled");
        await Expect(page.Locator("#outcomes-rows tr.outcome-row")).ToHaveCountAsync(ids.Count);
        var shown = await page.Locator("#outcomes-rows tr.outcome-row").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.recommendationId)");
        Assert.Equal(ids, shown.Select(id => long.Parse(id, CultureInfo.InvariantCulture)).Order());

        var kinds = await dispatcher.Rows("""
            SELECT kind, '' AS rule, count(*), count(*) FILTER (WHERE first_hit = 'STOP'), count(*) FILTER (WHERE first_hit = 'TARGET'),
                   count(*) FILTER (WHERE first_hit = 'NEITHER')
            FROM outcomes WHERE trading_date = $1 GROUP BY kind
            """, date);
        await Expect(page.Locator("#outcomes-groups tr.by-kind")).ToHaveCountAsync(kinds.Count);
        foreach (var k in kinds)
            await ShouldShow(page.Locator($"#outcomes-groups tr.by-kind[data-kind='{k[0]}']"), k);

        var rules = await dispatcher.Rows("""
            SELECT o.kind, r.reason->>'rule', count(*), count(*) FILTER (WHERE o.first_hit = 'STOP'), count(*) FILTER (WHERE o.first_hit = 'TARGET'),
                   count(*) FILTER (WHERE o.first_hit = 'NEITHER')
            FROM outcomes o JOIN dispatch_recommendations r ON r.id = o.recommendation_id WHERE o.trading_date = $1 GROUP BY 1, 2
            """, date);
        Assert.Equal(ids.Count, rules.Sum(r => Convert.ToInt64(r[2], CultureInfo.InvariantCulture))); // every row's recommendation has its rule
        await Expect(page.Locator("#outcomes-groups tr.by-rule")).ToHaveCountAsync(rules.Count);
        foreach (var r in rules)
            await ShouldShow(page.Locator($"#outcomes-groups tr.by-rule[data-kind='{r[0]}'][data-rule='{r[1]}']"), r);
    }

    /// <summary>A summary row: labelled, stop, target, neither, and the hit rate = target first over those with an answer.</summary>
    static async Task ShouldShow(ILocator row, object?[] counts)
    {
        var (labelled, stop, target, neither) = (N(counts[2]), N(counts[3]), N(counts[4]), N(counts[5]));
        await Expect(row.Locator("td[data-col='labelled']")).ToHaveTextAsync(labelled.ToString(CultureInfo.InvariantCulture));
        await Expect(row.Locator("td[data-col='stop']")).ToHaveTextAsync(stop.ToString(CultureInfo.InvariantCulture));
        await Expect(row.Locator("td[data-col='target']")).ToHaveTextAsync(target.ToString(CultureInfo.InvariantCulture));
        await Expect(row.Locator("td[data-col='neither']")).ToHaveTextAsync(neither.ToString(CultureInfo.InvariantCulture));
        var answered = stop + target + neither;
        var hitRate = answered == 0 ? "-" : Math.Round(100m * target / answered, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture) + " %";
        await Expect(row.Locator("td[data-col='hit_rate']")).ToHaveTextAsync(hitRate);
    }

    static long N(object? value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);
}
