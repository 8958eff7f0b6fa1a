namespace Tradewire.Dispatcher.Domain.Outcomes;

/// <summary>The mean of the forward returns at one horizon (a fraction: 0.01 is +1 %) over the <see cref="N"/> that exist; null when none does.</summary>
public sealed record HorizonMean(int Minutes, decimal? Mean, int N)
{
    public static HorizonMean Of(int minutes, IEnumerable<decimal?> values)
    {
        var present = values.OfType<decimal>().ToList();
        return new HorizonMean(minutes, present.Count == 0 ? null : present.Sum() / present.Count, present.Count);
    }
}
