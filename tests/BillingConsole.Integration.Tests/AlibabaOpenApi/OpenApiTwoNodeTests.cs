using BillingConsole.Integration.Tests.Infrastructure;
using BillingConsole.Integration.Tests.ScaleOut;

namespace BillingConsole.Integration.Tests.AlibabaOpenApi;

/// <summary>
/// Issue #18 on several nodes: two app processes on one PostgreSQL database. An AccessKey created on one node verifies
/// on the other (the Data Protection key ring is shared), and a request replayed to the other node is refused (the
/// nonce store is the database).
/// </summary>
[Collection(HostCollection.Name)]
public sealed class OpenApiTwoNodeTests : IAsyncLifetime
{
    private string database = "";
    private AppNode nodeA = null!;
    private AppNode nodeB = null!;

    public async ValueTask InitializeAsync()
    {
        database = TestPostgres.CreateDatabase(TestPostgres.RequireServer());
        nodeA = await AppNode.StartAsync(database, "A");
        nodeB = await AppNode.StartAsync(database, "B");
    }

    public async ValueTask DisposeAsync()
    {
        if (nodeA is not null) await nodeA.DisposeAsync();
        if (nodeB is not null) await nodeB.DisposeAsync();
        if (database.Length > 0) TestPostgres.DropDatabase(database);
    }

    [Fact]
    public async Task KeyFromNodeA_VerifiesOnNodeB_AndAReplayToNodeBIsRefused()
    {
        var (accountId, _) = await TwoNodeWorld.NewAccountWithKeyAsync(nodeA);
        using var adminA = nodeA.Admin();
        var key = await AcsSigner.CreateKeyAsync(adminA, accountId);
        using var clientA = nodeA.Client();
        using var clientB = nodeB.Client();
        var now = DateTime.UtcNow;
        var nonce = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

        var onB = await clientB.CallAsync(key, "QueryAccountBalance", now);
        // The very same request (same host, date, nonce and signature) sent to both nodes.
        using var toA = AcsSigner.Request(nodeA.BaseAddress, key, "QueryAccountBalance", now, nonce: nonce);
        var first = await AcsSigner.SendAsync(clientA, toA);
        using var replay = AcsSigner.Request(nodeA.BaseAddress, key, "QueryAccountBalance", now, nonce: nonce);
        // To node B's socket, with node A's signed Host header kept.
        replay.RequestUri = new Uri(nodeB.BaseAddress, replay.RequestUri!.PathAndQuery);
        var second = await AcsSigner.SendAsync(clientB, replay);

        Assert.True(onB.Status == 200, onB.Body + nodeB.Output);
        Assert.Equal(200, first.Status);
        Assert.Equal((400, "SignatureNonceUsed"), (second.Status, second.Body.GetProperty("Code").GetString()));
    }
}
