using Tradewire.Ingest;
using Tradewire.ServiceDefaults;
using Tradewire.ServiceDefaults.Database;
using Tradewire.ServiceDefaults.Diagnostics;
using Tradewire.ServiceDefaults.Messaging;

var builder = ServiceDefaultsExtensions.CreateServiceBuilder(args);
builder.AddServiceDefaults("ingest");
builder.AddServiceDatabase<IngestDbContext>();
builder.AddServiceBus<IngestDbContext>();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapPipelineProbe<IngestDbContext>();
await app.RunServiceAsync(args);
