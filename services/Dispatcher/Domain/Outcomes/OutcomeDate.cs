using System.Globalization;

namespace Tradewire.Dispatcher.Domain.Outcomes;

/// <summary>The trading date a request for outcome labels names: exactly <c>yyyy-MM-dd</c>, a real calendar date.</summary>
public static class OutcomeDate
{
    public const string Format = "yyyy-MM-dd";

    /// <summary>The date, or null with <paramref name="error"/> saying what is wrong and what is expected.</summary>
    public static DateOnly? Parse(string? text, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(text))
            error = $"date is required: ?date={Format} (a trading date, New York)";
        else if (!DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            error = $"date '{text}' is not a calendar date as {Format} (for example 2026-12-07)";
        else
            return date;
        return null;
    }
}
