using Tradewire.Tests.Shared;

namespace Tradewire.Features.Tests.Support;

/// <summary>The shared data these tests read (located by <see cref="SharedDirectory"/>).</summary>
static class SharedData
{
    public static string SpyMarch2011Csv => SharedDirectory.File("data", "bars", "spy_2011_ninjatrader", "nt-spy-minute-2011-03.csv");
}
