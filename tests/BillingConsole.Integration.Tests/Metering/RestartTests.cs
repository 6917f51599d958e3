using BillingConsole.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static BillingConsole.Integration.Tests.Metering.UsageApi;

namespace BillingConsole.Integration.Tests.Metering;

[Collection(HostCollection.Name)]
public sealed class RestartTests
{
    [Fact]
    public async Task M9_RestartBetweenBatches_LosesNothing()
    {
        // "data" is never started: it owns the folder (and PostgreSQL database) that both app processes use.
        await using var data = new BillingAppFactory();
        {
            Guid accountId;
            string key;
            await using (var first = new BillingAppFactory(data).With("Admin:ApiToken", ApiClients.AdminToken))
            {
                (accountId, key) = await first.NewAccountWithKeyAsync();
                Assert.Equal(50, (await ReadAsync(await PostAsync(first.Bearer(key), Batch(Enumerable.Range(0, 50).Select(i => Event($"a{i}"))))))
                    .Accepted);
            }

            await using var second = new BillingAppFactory(data).With("Admin:ApiToken", ApiClients.AdminToken);
            var answer = await ReadAsync(await PostAsync(second.Bearer(key), Batch(Enumerable.Range(25, 50).Select(i => Event($"a{i}")))));

            Assert.Equal((25, 25), (answer.Accepted, answer.Duplicates));
            await using var db = second.CreateDbContext();
            Assert.Equal(75, await db.UsageEvents.CountAsync(e => e.AccountId == accountId));
            Assert.Equal(75, (await db.UsageHourlyRollups.Where(r => r.AccountId == accountId).ToListAsync()).Sum(r => r.BillableQuantity));
        }
    }
}
