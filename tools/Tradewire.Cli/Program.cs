using Tradewire.Cli;
using Tradewire.Cli.CommandLine;

// ./tradewire <command>: a thin operator front over scripts and the .NET services; ./tradewire --help lists the commands.
return await Cli.Invoke(RepoPaths.Locate(), args);
