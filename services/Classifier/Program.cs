using Tradewire.Classifier;
using Tradewire.ServiceDefaults;
using Tradewire.ServiceDefaults.Database;
using Tradewire.ServiceDefaults.Messaging;

var builder = ServiceDefaultsExtensions.CreateServiceBuilder(args);
builder.AddServiceDefaults("classifier");
builder.AddServiceDatabase<ClassifierDbContext>();
builder.AddServiceBus<ClassifierDbContext>();

var app = builder.Build();
app.MapDefaultEndpoints();
await app.RunServiceAsync(args);
