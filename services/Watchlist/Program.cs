using Tradewire.Watchlist;
using Tradewire.Watchlist.Consumers;
using Tradewire.ServiceDefaults;
using Tradewire.ServiceDefaults.Database;
using Tradewire.ServiceDefaults.Messaging;
using Tradewire.ServiceDefaults.Sequencing;

var builder = ServiceDefaultsExtensions.CreateServiceBuilder(args);
builder.AddServiceDefaults("watchlist");
builder.AddServiceDatabase<WatchlistDbContext>();
builder.AddWatchlist();
builder.AddServiceBus<WatchlistDbContext>(x => x.AddConsumer<WatchlistInputsConsumer>(typeof(MinuteBatchDefinition<WatchlistInputsConsumer>)));

var app = builder.Build();
app.MapDefaultEndpoints();
await app.RunServiceAsync(args);
