using System.Text.Json;
using System.Text.Json.Serialization;
using Tradewire.Contracts.Market;
using Tradewire.Contracts.Features;

namespace Tradewire.Features.Domain;

/// <summary>
/// The incremental indicator state of one symbol: everything needed to compute the next bar's features in O(1)
/// (fixed windows with running sums, Wilder's recursive ATR), without re-reading past bars. Serializes to JSON
/// (<see cref="ToJson"/>, <see cref="FromJson"/>) losslessly, so a state stored in <c>feature_state</c> and
/// loaded after a restart continues exactly as the one in memory would have.
/// </summary>
/// <remarks>
/// Invariants: bars are applied in strictly increasing <see cref="Bar.Minute"/>; a bar at or before
/// <see cref="LastMinute"/> is ignored (that is what makes a replay idempotent). Running sums are decimal and
/// exact (decimal addition of these magnitudes never rounds), so they never drift from a fresh sum of the window.
/// Units: prices in the bar's currency (USD), volume in shares; see <see cref="SymbolFeatures"/> for the outputs.
/// </remarks>
public sealed class IndicatorState
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public IndicatorState(string symbol)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        Symbol = symbol;
    }

    [JsonConstructor]
    IndicatorState() { }

    [JsonInclude] public string Symbol { get; private set; } = "";

    /// <summary>Minute (UTC start) of the last bar applied, or null before the first.</summary>
    [JsonInclude] public DateTimeOffset? LastMinute { get; private set; }

    /// <summary>Bars applied so far (1 after the first bar).</summary>
    [JsonInclude] public int BarCount { get; private set; }

    /// <summary>The last 50 closes; the last 20 of them make SMA(20), all 50 SMA(50); returns look back into them.</summary>
    [JsonInclude] public RingBuffer<decimal> Closes { get; private set; } = new(WarmUp.Sma50);
    [JsonInclude] public decimal CloseSum20 { get; private set; }
    [JsonInclude] public decimal CloseSum50 { get; private set; }

    /// <summary>The last 20 volumes (the current bar's is added after its ratio is computed).</summary>
    [JsonInclude] public RingBuffer<long> Volumes { get; private set; } = new(WarmUp.VolumeWindow);
    [JsonInclude] public long VolumeSum { get; private set; }

    /// <summary>The last 20 one-minute log returns, rounded to <see cref="FeatureRounding.LogReturnDecimals"/>.</summary>
    [JsonInclude] public RingBuffer<decimal> LogReturns { get; private set; } = new(WarmUp.RealizedVolWindow);
    [JsonInclude] public decimal LogReturnSum { get; private set; }
    [JsonInclude] public decimal LogReturnSquareSum { get; private set; }

    /// <summary>True ranges seen while seeding ATR (stops at 14), and their sum.</summary>
    [JsonInclude] public int TrueRangeCount { get; private set; }
    [JsonInclude] public decimal TrueRangeSum { get; private set; }

    /// <summary>ATR(14), full precision: the mean of the first 14 true ranges, then Wilder's (ATR x 13 + TR) / 14.</summary>
    [JsonInclude] public decimal? Atr { get; private set; }

    /// <summary>
    /// Applies <paramref name="bar"/> and returns the symbol's features after it; false (and no change) when the
    /// bar is not newer than <see cref="LastMinute"/>.
    /// </summary>
    public bool TryApply(Bar bar, out SymbolFeatures features)
    {
        if (!string.Equals(bar.Symbol, Symbol, StringComparison.Ordinal))
            throw new ArgumentException($"Bar of {bar.Symbol} applied to the state of {Symbol}.", nameof(bar));
        if (LastMinute is { } last && bar.Minute <= last)
        {
            features = null!;
            return false;
        }

        // Everything that looks back reads the windows before the current bar enters them.
        decimal? previousClose = Closes.Count > 0 ? Closes.Back(1) : null;
        var return1 = SimpleReturn(bar.Close, 1);
        var return5 = SimpleReturn(bar.Close, 5);
        var return15 = SimpleReturn(bar.Close, 15);
        decimal? volRatio = Volumes.IsFull && VolumeSum > 0
            ? FeatureRounding.Fraction(bar.Volume * (decimal)WarmUp.VolumeWindow / VolumeSum)
            : null;

        if (previousClose is { } prev)
        {
            ApplyTrueRange(Math.Max(bar.High - bar.Low, Math.Max(Math.Abs(bar.High - prev), Math.Abs(bar.Low - prev))));
            var logReturn = FeatureRounding.LogReturn(bar.Close, prev);
            LogReturns.Push(logReturn, out var oldReturn);
            LogReturnSum += logReturn - oldReturn;
            LogReturnSquareSum += logReturn * logReturn - oldReturn * oldReturn;
        }

        if (Closes.Count >= WarmUp.Sma20)
            CloseSum20 -= Closes.Back(WarmUp.Sma20);
        Closes.Push(bar.Close, out var oldClose);
        CloseSum20 += bar.Close;
        CloseSum50 += bar.Close - oldClose;
        Volumes.Push(bar.Volume, out var oldVolume);
        VolumeSum += bar.Volume - oldVolume;
        BarCount++;
        LastMinute = bar.Minute;

        decimal? sma20 = Closes.Count >= WarmUp.Sma20 ? CloseSum20 / WarmUp.Sma20 : null;
        decimal? sma50 = Closes.IsFull ? CloseSum50 / WarmUp.Sma50 : null;
        features = new SymbolFeatures
        {
            Symbol = Symbol,
            BarTs = bar.ClosedAt,
            Close = bar.Close,
            Volume = bar.Volume,
            BarCount = BarCount,
            Sma20 = sma20 is { } s20 ? FeatureRounding.Price(s20) : null,
            Sma50 = sma50 is { } s50 ? FeatureRounding.Price(s50) : null,
            Atr14 = Atr is { } atr ? FeatureRounding.Price(atr) : null,
            RecentVol = Atr is { } a ? FeatureRounding.Fraction(a / bar.Close) : null,
            RealizedVol = RealizedVol(),
            VolRatio = volRatio,
            Trend = sma20 is { } t20 && sma50 is { } t50 ? FeatureRounding.Fraction((t20 - t50) / t50) : null,
            Return1 = return1,
            Return5 = return5,
            Return15 = return15,
            Ready = sma20 is not null && sma50 is not null && Atr is not null && LogReturns.IsFull && volRatio is not null
                && return1 is not null && return5 is not null && return15 is not null,
        };
        return true;
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static IndicatorState FromJson(string json) =>
        JsonSerializer.Deserialize<IndicatorState>(json, Json) ?? throw new JsonException("Indicator state JSON is null.");

    /// <summary>close / close k bars back - 1; reads the window before the current close enters it.</summary>
    decimal? SimpleReturn(decimal close, int bars) =>
        Closes.Count >= bars ? FeatureRounding.Fraction(close / Closes.Back(bars) - 1m) : null;

    void ApplyTrueRange(decimal trueRange)
    {
        if (TrueRangeCount < WarmUp.AtrPeriod)
        {
            TrueRangeSum += trueRange;
            TrueRangeCount++;
            if (TrueRangeCount == WarmUp.AtrPeriod)
                Atr = TrueRangeSum / WarmUp.AtrPeriod;
            return;
        }
        Atr = (Atr!.Value * (WarmUp.AtrPeriod - 1) + trueRange) / WarmUp.AtrPeriod;
    }

    /// <summary>Sample standard deviation (n - 1) of the last 20 log returns, from the running sums.</summary>
    decimal? RealizedVol()
    {
        if (!LogReturns.IsFull)
            return null;
        const int n = WarmUp.RealizedVolWindow;
        var variance = (LogReturnSquareSum - LogReturnSum * LogReturnSum / n) / (n - 1);
        return FeatureRounding.Fraction(FeatureRounding.Sqrt(variance));
    }
}
