using System.Globalization;

namespace Tradewire.Cli.BurnIn;

/// <summary>
/// The burn-in plan's go/no-go gates over the recorded days, oldest first: the first is the Day-0 half session,
/// the next three are Day-1 to Day-3. A gate passes only if the gate before it passed; each failure says why.
/// </summary>
public static class BurnInGates
{
    public sealed record Gate(int Number, string Name, bool Passed, IReadOnlyList<string> WhyNot);

    public static IReadOnlyList<Gate> Evaluate(IReadOnlyList<DayResult> days, bool drillsPassed)
    {
        var gates = new List<Gate>();
        var previousPassed = true;
        for (var n = 1; n <= 4; n++)
        {
            var why = new List<string>();
            if (!previousPassed)
                why.Add($"gate {n - 1} not passed");
            var day = n - 1 < days.Count ? days[n - 1] : null;
            if (day is null)
                why.Add($"no day recorded for it (run ./tradewire burnin check after the {Ordinal(n - 1)} session)");
            else if (n == 1)
            {
                why.AddRange(Failures(day, c => DailyCriteria.Integrity.Contains(c.Name)));
                if (!day.KillSwitchTested)
                    why.Add($"{day.Date:yyyy-MM-dd}: kill switch not exercised (no KILL_SWITCH risk event; POST /flatten once during the session)");
            }
            else
            {
                why.AddRange(Failures(day, _ => true));
                if (n >= 3)
                    why.AddRange(Degradation(days.Take(n - 1).ToList(), day));
                if (n == 4)
                {
                    var full = days.Skip(1).Take(3).Count(d => d.Go);
                    if (full < 3)
                        why.Add($"{full}/3 full days passed");
                    if (!drillsPassed)
                        why.Add("failure drills not confirmed (run ./tradewire drill, then pass --drills-passed)");
                }
            }
            var passed = why.Count == 0;
            gates.Add(new Gate(n, n == 1 ? "Day-0 half session" : $"Day-{n - 1} full session", passed, why));
            previousPassed = passed;
        }
        return gates;
    }

    static IEnumerable<string> Failures(DayResult day, Func<SessionCheck, bool> which) =>
        day.Criteria.Where(c => !c.Passed && which(c)).Select(c => $"{day.Date:yyyy-MM-dd}: {c.Name}: {c.Observed} (expected {c.Expected})");

    /// <summary>Performance degradation: the day's signals or decisions below half of the earlier days' mean.</summary>
    static IEnumerable<string> Degradation(IReadOnlyList<DayResult> earlier, DayResult day)
    {
        foreach (var name in new[] { "signals generated", "decisions planned" })
        {
            var before = earlier.Select(d => Count(d, name)).Where(v => v is not null).Select(v => v!.Value).ToList();
            if (Count(day, name) is not { } now || before.Count == 0)
                continue;
            var mean = before.Average();
            if (now < mean / 2)
                yield return $"{day.Date:yyyy-MM-dd}: {name} {now} is below half the earlier days' mean ({mean:0.#}): performance degradation";
        }
    }

    static long? Count(DayResult day, string name) =>
        day.Criteria.FirstOrDefault(c => c.Name == name) is { } c && long.TryParse(c.Observed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    static string Ordinal(int day) => day == 0 ? "Day-0 half" : $"Day-{day}";
}
