namespace Tradewire.Features.Tests.Support;

/// <summary>
/// Finds the project's shared data directory (<c>shared/</c>, a sibling of the repository root) the way
/// tests/ServiceDefaults.Tests/MarketTime/SharedData.cs does: <c>TRADEWIRE_SHARED_DIR</c> if set, else the first
/// <c>shared/</c> found walking up from the test binaries (directly, or beside the directory holding
/// <c>Microservices.sln</c>), else <c>/work/shared</c>.
/// </summary>
static class SharedData
{
    static readonly string[] MarchBarsParts = ["data", "bars", "spy_2011_ninjatrader", "nt-spy-minute-2011-03.csv"];
    static readonly Lazy<string> Located = new(Locate);

    public static string SpyMarch2011Csv => Path.Combine([Located.Value, .. MarchBarsParts]);

    static string Locate()
    {
        var tried = new List<string>();
        if (Environment.GetEnvironmentVariable("TRADEWIRE_SHARED_DIR") is { Length: > 0 } fromEnvironment)
            return Has(fromEnvironment, tried)
                ? fromEnvironment
                : throw new DirectoryNotFoundException($"TRADEWIRE_SHARED_DIR={fromEnvironment} has no {Path.Combine(MarchBarsParts)}.");
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Has(Path.Combine(dir.FullName, "shared"), tried))
                return Path.Combine(dir.FullName, "shared");
            if (File.Exists(Path.Combine(dir.FullName, "Microservices.sln")) && dir.Parent is { } parent && Has(Path.Combine(parent.FullName, "shared"), tried))
                return Path.Combine(parent.FullName, "shared");
        }
        const string fallback = "/work/shared";
        return Has(fallback, tried)
            ? fallback
            : throw new DirectoryNotFoundException($"Shared data directory not found; tried: {string.Join(", ", tried)}. Set TRADEWIRE_SHARED_DIR.");
    }

    static bool Has(string root, List<string> tried)
    {
        tried.Add(root);
        return File.Exists(Path.Combine([root, .. MarchBarsParts]));
    }
}
