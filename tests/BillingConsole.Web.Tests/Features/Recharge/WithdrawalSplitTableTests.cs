using BillingConsole.Domain.Common;
using BillingConsole.Domain.Payments;
using BillingConsole.Web.Features.Recharge;
using BillingConsole.Web.Tests.Infrastructure;

namespace BillingConsole.Web.Tests.Features.Recharge;

/// <summary>SPEC R5: the owner sees how a withdrawal is paid out before confirming it.</summary>
public sealed class WithdrawalSplitTableTests : BillingTestContext
{
    [Fact]
    public void R5_Split_ShowsEachOriginalRouteRefundThenTheBankTransfer()
    {
        var recharge = Guid.Parse("0d3f5a1c-0000-4000-8000-000000000001");
        IReadOnlyList<WithdrawalLineRow> lines =
        [
            new(WithdrawalRoute.OriginalRoute, recharge, Money.Yuan(80m)),
            new(WithdrawalRoute.BankTransfer, null, Money.Yuan(20.5m)),
        ];

        var cut = Render<WithdrawalSplitTable>(p => p.Add(x => x.Lines, lines));

        var rows = cut.FindAll("[data-testid=withdrawal-split] tr");
        Assert.Equal(2, rows.Count);
        Assert.Contains("0d3f5a1c", rows[0].TextContent);
        Assert.Contains("¥80.00", rows[0].TextContent);
        Assert.Contains("¥20.50", rows[1].TextContent);
    }
}
