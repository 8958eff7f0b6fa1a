using Tradewire.Features;
using Tradewire.Features.Consumers;
using Tradewire.Features.Persistence;
using Tradewire.ServiceDefaults;
using Tradewire.ServiceDefaults.Database;
using Tradewire.ServiceDefaults.Messaging;

var builder = ServiceDefaultsExtensions.CreateServiceBuilder(args);
builder.AddServiceDefaults("features");
builder.AddServiceDatabase<FeaturesDbContext>();
builder.Services.AddScoped<FeatureStore>();
builder.AddServiceBus<FeaturesDbContext>(x => x.AddConsumer<MinuteBarsClosedConsumer>(typeof(MinuteBarsClosedConsumerDefinition)));

var app = builder.Build();
app.MapDefaultEndpoints();
await app.RunServiceAsync(args);
