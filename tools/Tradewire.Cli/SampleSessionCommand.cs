using System.CommandLine;
using System.Globalization;
using Tradewire.Cli.CommandLine;

namespace Tradewire.Cli;

/// <summary>
/// <c>./tradewire sample-session [--seed N] [--date yyyy-MM-dd] [--out DIR]</c>: regenerates the repository's
/// sample session (data/sample-session, seed 20261120) from data/universe.csv. The committed files are its
/// output; running it again with the same seed reproduces them exactly.
/// </summary>
public static class SampleSessionCommand
{
    public const int DefaultSeed = 20261120;
    public static readonly DateOnly DefaultDate = new(2026, 11, 20);

    public static Command Definition(RepoPaths paths)
    {
        var seed = new Option<int>("--seed") { Description = "the generator's seed", DefaultValueFactory = _ => DefaultSeed };
        var date = CliOptions.Date($"the session's date (default {DefaultDate:yyyy-MM-dd})");
        var output = new Option<DirectoryInfo?>("--out") { Description = "where to write it (default data/sample-session)" };
        var command = new Command("sample-session", "regenerate the sample session (data/sample-session) from its seed") { seed, date, output };
        command.SetAction(r => Run(paths, r.GetValue(seed), r.GetValue(date) ?? DefaultDate, r.GetValue(output)?.FullName ?? Path.Combine(paths.Root, "data", "sample-session")));
        return command;
    }

    public static int Run(RepoPaths paths, int seed, DateOnly date, string output)
    {
        var universe = LoadUniverse(Path.Combine(paths.Root, "data", "universe.csv"));
        new SampleSessionGenerator(seed).Write(output, universe, date);
        Console.WriteLine($"sample session: {universe.Count} symbols, seed {seed}, dated {date:yyyy-MM-dd}, written to {output}");
        return 0;
    }

    public static IReadOnlyList<SampleSessionGenerator.Symbol> LoadUniverse(string path) =>
        File.ReadAllLines(path).Skip(1).Where(l => l.Length > 0).Select(l =>
        {
            var f = l.Split(',');
            return new SampleSessionGenerator.Symbol(f[0], f[2].Split('|')[0], f[4], f[3], decimal.Parse(f[5], CultureInfo.InvariantCulture), long.Parse(f[6], CultureInfo.InvariantCulture));
        }).ToList();
}
