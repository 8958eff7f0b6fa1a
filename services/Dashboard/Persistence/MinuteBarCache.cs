using System.Collections.Concurrent;
using Tradewire.Contracts.Market;

namespace Tradewire.Dashboard.Persistence;

/// <summary>
/// The minute bars already read, kept in memory: a stored minute never changes, and every page refresh replays the
/// whole session's marks, so each minute is read from the database once. Minutes that arrive out of order are
/// found because the query asks for every minute not yet held, not for those after the last one.
/// </summary>
public sealed class MinuteBarCache
{
    readonly ConcurrentDictionary<DateOnly, ConcurrentDictionary<DateTimeOffset, IReadOnlyList<Bar>>> _sessions = new();

    public async Task<IReadOnlyList<(DateTimeOffset Minute, IReadOnlyList<Bar> Bars)>> Session(DashboardReader reader, DateOnly date)
    {
        var held = _sessions.GetOrAdd(date, _ => new());
        var fresh = await reader.Rows("SELECT minute, payload FROM dash_bars WHERE session_date = $1 AND NOT (minute = ANY($2))",
            r => (Minute: r.GetFieldValue<DateTimeOffset>(0), Bars: DashboardReader.Payload<List<Bar>>(r, 1)),
            date, held.Keys.ToArray());
        foreach (var (minute, bars) in fresh)
            held[minute] = bars;
        return held.OrderBy(x => x.Key).Select(x => (x.Key, x.Value)).ToList();
    }
}
