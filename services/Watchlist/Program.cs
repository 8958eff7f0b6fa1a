using Tradewire.Watchlist;
using Tradewire.ServiceDefaults;
using Tradewire.ServiceDefaults.Database;
using Tradewire.ServiceDefaults.Messaging;

var builder = ServiceDefaultsExtensions.CreateServiceBuilder(args);
builder.AddServiceDefaults("watchlist");
builder.AddServiceDatabase<WatchlistDbContext>();
builder.AddServiceBus<WatchlistDbContext>();

var app = builder.Build();
app.MapDefaultEndpoints();
await app.RunServiceAsync(args);
