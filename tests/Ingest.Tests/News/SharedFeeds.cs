namespace Tradewire.Ingest.Tests.News;

/// <summary>The real captured feeds in <c>shared/data/rss_feeds</c> (beside the repository, or above a worktree).</summary>
public static class SharedFeeds
{
    public static readonly DateTimeOffset FetchedAt = new(2026, 1, 2, 9, 30, 0, TimeSpan.Zero);

    static readonly Lazy<string> RootDir = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "rss_feeds");
            if (Directory.Exists(candidate))
                return candidate;
        }
        throw new DirectoryNotFoundException("shared/data/rss_feeds not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootDir.Value;

    /// <summary>Every feed file, as a path relative to <see cref="Root"/> with '/' separators.</summary>
    public static IReadOnlyList<string> All() =>
        Directory.GetFiles(Root, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "LICENSE")
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static byte[] Bytes(string relative) => File.ReadAllBytes(Path.Combine(Root, relative));
}
