namespace Tradewire.Ingest.Tests.Replay;

/// <summary>Files of the checkout the tests run from (the directory holding Microservices.sln).</summary>
static class RepoFiles
{
    public static string Root { get; } = Locate();

    public static string SampleSession => Path.Combine(Root, "data", "sample-session");
    public static string Universe => Path.Combine(Root, "data", "universe.csv");

    static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Microservices.sln")))
                return dir.FullName;
        throw new DirectoryNotFoundException("No Microservices.sln above " + AppContext.BaseDirectory);
    }
}
