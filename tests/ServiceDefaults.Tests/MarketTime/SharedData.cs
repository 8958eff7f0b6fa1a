namespace Tradewire.ServiceDefaults.Tests.MarketTime;

/// <summary>
/// Finds the project's shared data directory (<c>shared/</c>, a sibling of the repository root): the
/// <c>TRADEWIRE_SHARED_DIR</c> environment variable if set, else the first <c>shared/</c> found walking up from the
/// test binaries (directly, or beside the directory holding <c>Microservices.sln</c>), else <c>/work/shared</c>.
/// </summary>
static class SharedData
{
    static readonly string[] CalendarParts = ["data", "calendar", "nyse_2024_2027_from_lean.csv"];
    static readonly Lazy<string> Located = new(Locate);

    public static string Root => Located.Value;

    public static string NyseCalendarCsv => Path.Combine([Root, .. CalendarParts]);

    static string Locate()
    {
        var tried = new List<string>();
        if (Environment.GetEnvironmentVariable("TRADEWIRE_SHARED_DIR") is { Length: > 0 } fromEnvironment)
            return HasCalendar(fromEnvironment, tried)
                ? fromEnvironment
                : throw new DirectoryNotFoundException($"TRADEWIRE_SHARED_DIR={fromEnvironment} has no {Path.Combine(CalendarParts)}.");
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var nested = Path.Combine(dir.FullName, "shared");
            if (HasCalendar(nested, tried))
                return nested;
            if (File.Exists(Path.Combine(dir.FullName, "Microservices.sln")) && dir.Parent is { } parent)
            {
                var sibling = Path.Combine(parent.FullName, "shared");
                if (HasCalendar(sibling, tried))
                    return sibling;
            }
        }
        const string fallback = "/work/shared";
        return HasCalendar(fallback, tried)
            ? fallback
            : throw new DirectoryNotFoundException($"Shared data directory not found; tried: {string.Join(", ", tried)}. Set TRADEWIRE_SHARED_DIR.");
    }

    static bool HasCalendar(string root, List<string> tried)
    {
        tried.Add(root);
        return File.Exists(Path.Combine([root, .. CalendarParts]));
    }
}
