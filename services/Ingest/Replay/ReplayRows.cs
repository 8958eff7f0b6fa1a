namespace Tradewire.Ingest.Replay;

/// <summary>One line of <c>bars.csv</c> as written, before validation (fields kept as text so a bad value can be reported as it was).</summary>
public sealed record RawBarRow(int Line, string Symbol, string Time, string Open, string High, string Low, string Close, string Volume, string Text);

/// <summary>One line of <c>news.csv</c>: New York wall-clock time (HH:mm:ss) on the session date, source, id, title, summary.</summary>
public sealed record NewsRow(int Line, TimeOnly Time, string Source, string Id, string Title, string? Summary);
