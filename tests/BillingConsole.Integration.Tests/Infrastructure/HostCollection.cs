namespace BillingConsole.Integration.Tests.Infrastructure;

/// <summary>
/// Every test class that starts an app host belongs here: Hangfire keeps static state (JobStorage.Current) that
/// hosts running side by side would trample (STACK.md "Hangfire in tests").
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HostCollection
{
    public const string Name = "app hosts";
}
