using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tradewire.ServiceDefaults.Symbols;

namespace Tradewire.ServiceDefaults.Tests.Configuration;

public sealed class When_the_universe_is_configured
{
    [Fact]
    public void The_file_named_by_Universe_Path_is_read_at_start_so_an_added_symbol_needs_no_rebuild()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(file, [.. File.ReadAllLines(Universe.DefaultPath), "ZZZ,Zed Corp.,Zed,Industrials,NYSE,10.00,1000"]);
            var universe = Resolve(new() { [Universe.PathKey] = file });

            Assert.Contains("ZZZ", universe.Symbols);
            Assert.Equal("Zed Corp.", universe.Entries.Single(e => e.Symbol == "ZZZ").Name);
            Assert.Equal(Universe.LoadDefault().Entries.Count + 1, universe.Entries.Count);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Without_the_setting_the_file_shipped_with_the_service_is_read()
    {
        var universe = Resolve([]);
        Assert.Equal(40, universe.Symbols.Count);
        Assert.Contains("AAPL", universe.Symbols);
    }

    static Universe Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var provider = Universe.Register(new ServiceCollection(), configuration).BuildServiceProvider();
        return provider.GetRequiredService<Universe>();
    }
}
