using Microsoft.EntityFrameworkCore;
using Tradewire.ServiceDefaults.Database;

namespace Tradewire.Watchlist;

/// <summary>The watchlist service's own database. Schema: SQL files in Migrations/, applied at start-up.</summary>
public sealed class WatchlistDbContext(DbContextOptions<WatchlistDbContext> options) : ServiceDbContext(options);
