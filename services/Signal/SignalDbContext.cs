using Microsoft.EntityFrameworkCore;
using Tradewire.ServiceDefaults.Database;

namespace Tradewire.Signal;

/// <summary>The signal service's own database. Schema: SQL files in Migrations/, applied at start-up.</summary>
public sealed class SignalDbContext(DbContextOptions<SignalDbContext> options) : ServiceDbContext(options);
