namespace Tradewire.Tests.Shared;

/// <summary>
/// Finds files of the project's shared data directory (<c>shared/</c>, a sibling of the repository root): the
/// <c>TRADEWIRE_SHARED_DIR</c> environment variable if set, else the first <c>shared/</c> holding the file found
/// walking up from the test binaries (directly, or beside the directory holding <c>Microservices.sln</c>), else
/// <c>/work/shared</c>. CI has it, so a missing file fails the test rather than skipping it. Linked into each test
/// project that reads shared data (one definition, compiled into each).
/// </summary>
static class SharedDirectory
{
    /// <summary>The path of <paramref name="parts"/> under the shared directory.</summary>
    /// <exception cref="FileNotFoundException">No candidate directory holds the file.</exception>
    public static string File(params string[] parts)
    {
        var tried = new List<string>();
        foreach (var root in Candidates())
        {
            var path = Path.Combine([root, .. parts]);
            tried.Add(root);
            if (System.IO.File.Exists(path))
                return path;
        }
        throw new FileNotFoundException($"{Path.Combine(parts)} not found under any shared directory; tried: {string.Join(", ", tried)}. Set TRADEWIRE_SHARED_DIR.");
    }

    static IEnumerable<string> Candidates()
    {
        if (Environment.GetEnvironmentVariable("TRADEWIRE_SHARED_DIR") is { Length: > 0 } fromEnvironment)
        {
            yield return fromEnvironment;
            yield break;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            yield return Path.Combine(dir.FullName, "shared");
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Microservices.sln")) && dir.Parent is { } parent)
                yield return Path.Combine(parent.FullName, "shared");
        }
        yield return "/work/shared";
    }
}
