using System.Globalization;
using System.Net;
using System.Text;

namespace Tradewire.Cli.BurnIn;

/// <summary>Minimal inline SVG charts for the burn-in report (no chart library on the package mirror, no browser needed to read it).</summary>
public static class Svg
{
    const int Width = 720, Height = 220, Left = 56, Bottom = 36, Top = 14, Right = 12;

    static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Vertical bars, one per label; negative values go below the zero line.</summary>
    public static string Bars(string title, IReadOnlyList<(string Label, double Value)> bars, string unit)
    {
        var sb = Start(title);
        if (bars.Count == 0)
            return sb.Append("<text x=\"60\" y=\"110\">no data</text></svg>").ToString();
        var max = Math.Max(bars.Max(b => b.Value), 0);
        var min = Math.Min(bars.Min(b => b.Value), 0);
        var span = max - min == 0 ? 1 : max - min;
        double Y(double v) => Top + (max - v) / span * (Height - Top - Bottom);
        var slot = (double)(Width - Left - Right) / bars.Count;
        Axis(sb, N(max) + unit, N(min) + unit, Y(0));
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var x = Left + i * slot + slot * 0.1;
            var y = Math.Min(Y(value), Y(0));
            var h = Math.Abs(Y(value) - Y(0));
            var colour = value >= 0 ? "#2e7d32" : "#c62828";
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(slot * 0.8)}\" height=\"{N(Math.Max(h, 0.5))}\" fill=\"{colour}\"><title>{WebUtility.HtmlEncode(label)}: {N(value)}{unit}</title></rect>");
            if (bars.Count <= 40)
                sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x + slot * 0.4)}\" y=\"{Height - Bottom + 12}\" font-size=\"9\" text-anchor=\"middle\">{WebUtility.HtmlEncode(label)}</text>");
        }
        return sb.Append("</svg>").ToString();
    }

    /// <summary>A line over time with an optional horizontal limit line.</summary>
    public static string Line(string title, IReadOnlyList<(DateTimeOffset At, double Value)> points, string unit, double? limit)
    {
        var sb = Start(title);
        if (points.Count < 2)
            return sb.Append("<text x=\"60\" y=\"110\">no data</text></svg>").ToString();
        var max = Math.Max(points.Max(p => p.Value), limit ?? 0) * 1.1;
        max = max == 0 ? 1 : max;
        var t0 = points[0].At;
        var t1 = points[^1].At;
        var span = Math.Max((t1 - t0).TotalMinutes, 1);
        double X(DateTimeOffset t) => Left + (t - t0).TotalMinutes / span * (Width - Left - Right);
        double Y(double v) => Top + (max - v) / max * (Height - Top - Bottom);
        Axis(sb, N(max) + unit, "0" + unit, Y(0));
        sb.Append("<polyline fill=\"none\" stroke=\"#1565c0\" stroke-width=\"1.5\" points=\"");
        foreach (var p in points)
            sb.Append(CultureInfo.InvariantCulture, $"{N(X(p.At))},{N(Y(p.Value))} ");
        sb.Append("\"/>");
        if (limit is { } l)
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{N(Y(l))}\" y2=\"{N(Y(l))}\" stroke=\"#c62828\" stroke-dasharray=\"4 3\"/><text x=\"{Width - Right - 4}\" y=\"{N(Y(l) - 4)}\" font-size=\"10\" text-anchor=\"end\" fill=\"#c62828\">cap {N(l)}{unit}</text>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"{Height - 8}\" font-size=\"10\">{t0:HH:mm} UTC</text><text x=\"{Width - Right}\" y=\"{Height - 8}\" font-size=\"10\" text-anchor=\"end\">{t1:HH:mm} UTC</text>");
        return sb.Append("</svg>").ToString();
    }

    static StringBuilder Start(string title) => new StringBuilder()
        .Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height + 18}\" viewBox=\"0 -18 {Width} {Height + 18}\" font-family=\"sans-serif\">")
        .Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"-4\" font-size=\"12\" font-weight=\"bold\">{WebUtility.HtmlEncode(title)}</text>");

    static void Axis(StringBuilder sb, string top, string bottom, double zeroY) =>
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Left}\" y1=\"{Top}\" y2=\"{Height - Bottom}\" stroke=\"#999\"/>")
          .Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{N(zeroY)}\" y2=\"{N(zeroY)}\" stroke=\"#999\"/>")
          .Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 4}\" y=\"{Top + 8}\" font-size=\"10\" text-anchor=\"end\">{WebUtility.HtmlEncode(top)}</text>")
          .Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 4}\" y=\"{Height - Bottom}\" font-size=\"10\" text-anchor=\"end\">{WebUtility.HtmlEncode(bottom)}</text>");
}
