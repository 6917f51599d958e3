using BillingConsole.Domain.Common;
using BillingConsole.Domain.ResourcePacks;
using BillingConsole.Web.Features.ResourcePacks;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Tests.Features.ResourcePacks;

public sealed class GrantPackHandlerTests
{
    private static readonly DateTime From = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task P12_Grant_ChosenTimesPriceZeroReasonAndGrantorStored()
    {
        await using var world = await PacksWorld.CreateAsync(balance: 0m);

        var result = await world.Grant.HandleAsync(
            new GrantPackCommand(world.AccountId, "FV_CALLS_1K", From, From.AddDays(60), " outage compensation ", "staff-7"), default);

        Assert.True(result.IsOk, result.Error);
        Assert.Equal((From, From.AddDays(60), PackOrigin.Granted), (result.Value!.EffectiveAtUtc, result.Value.ExpiresAtUtc, result.Value.Origin));
        var stored = await world.WithDbAsync(db => db.ResourcePacks.SingleAsync());
        Assert.Equal(("outage compensation", "staff-7", 0L), (stored.GrantReason, stored.GrantedBy, stored.PaidUnits));
        Assert.Empty(await world.LedgerAsync());
        var audit = await world.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.Action == "pack.grant"));
        Assert.Equal(world.AccountId, audit.ActingForAccountId);
        Assert.Contains("outage compensation", audit.Details);
    }

    [Fact]
    public async Task P12_MissingReasonAndExpiryBeforeEffective_FieldErrorsAndNothingStored()
    {
        await using var world = await PacksWorld.CreateAsync();

        var result = await world.Grant.HandleAsync(
            new GrantPackCommand(world.AccountId, "FV_CALLS_1K", From, From.AddDays(-1), " ", "staff-7"), default);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.True(result.FieldErrors.ContainsKey("reason"));
        Assert.True(result.FieldErrors.ContainsKey("expiresAt"));
        Assert.Empty(await world.WithDbAsync(db => db.ResourcePacks.ToListAsync()));
    }

    [Fact]
    public async Task P12_UnknownAccount_NotFound()
    {
        await using var world = await PacksWorld.CreateAsync();

        var result = await world.Grant.HandleAsync(
            new GrantPackCommand(Guid.NewGuid(), "FV_CALLS_1K", From, From.AddDays(1), "x", "staff-7"), default);

        Assert.Equal(ResultStatus.NotFound, result.Status);
    }
}
