namespace Warehouse.Serve.Tests;

/// <summary>Hangfire keeps process-wide state (its log provider, JobStorage.Current): the classes that start serve hosts run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class HostCollection
{
    public const string Name = "serve hosts";
}
