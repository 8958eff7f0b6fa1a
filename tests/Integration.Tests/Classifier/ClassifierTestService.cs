using Tradewire.Classifier;

namespace Tradewire.Integration.Tests.Classifier;

/// <summary>The classifier as Program.cs builds it (<see cref="ClassifierServices"/> on <see cref="ClassifierDbContext"/>), in a <see cref="ServiceHost"/>.</summary>
public static class ClassifierTestService
{
    public static Task<ServiceHost> Start(string name, Action<IBusRegistrationConfigurator> bus) =>
        ServiceHost.Start<ClassifierDbContext>(name, bus, services: b => b.Services.AddClassifier(b.Configuration));
}
