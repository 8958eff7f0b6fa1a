using System.Globalization;

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

    public static int Run(RepoPaths paths, string[] args)
    {
        var seed = DefaultSeed;
        var date = DefaultDate;
        var output = Path.Combine(paths.Root, "data", "sample-session");
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new InvalidOperationException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--seed": seed = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--date": date = DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture); break;
                case "--out": output = Path.GetFullPath(value); break;
                default: throw new InvalidOperationException($"unknown option {args[i]}");
            }
            i++;
        }
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
