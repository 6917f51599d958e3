using BillingConsole.Domain.Accounts;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.Settlement;
using BillingConsole.Web.Features.Accounts;
using BillingConsole.Web.Features.Settlement;
using BillingConsole.Web.Tests.Infrastructure;

namespace BillingConsole.Web.Tests.Components.Settlement;

public sealed class SettlementComponentTests : BillingTestContext
{
    private static readonly DateOnly Day = new(2026, 11, 26);
    private static readonly DateTime Now = new(2026, 11, 27, 2, 0, 0, DateTimeKind.Utc);

    private static BillLineRow Line(string service, DateOnly day, long qty, long packs, string price, string gross,
        string discount, string payable) =>
        new(service, day, qty, packs, qty - packs, Money.Yuan(decimal.Parse(price)), Money.Yuan(decimal.Parse(gross)),
            Money.Yuan(decimal.Parse(discount)), Money.Yuan(decimal.Parse(payable)));

    private static BillRow Bill(decimal outstanding, params BillLineRow[] lines) => new(Guid.NewGuid(), Day, Now,
        lines.Aggregate(Money.Zero, (t, l) => t + l.Gross), lines.Aggregate(Money.Zero, (t, l) => t + l.RoundDownDiscount),
        lines.Aggregate(Money.Zero, (t, l) => t + l.Payable), Money.Yuan(outstanding),
        outstanding > 0 ? BillStatus.Outstanding : BillStatus.Paid, lines);

    private static AccountSummary Summary(AccountStatus status, decimal balance, DateTime? graceEnds) =>
        new(Guid.NewGuid(), "Acme", status, Money.Yuan(balance), graceEnds?.AddDays(-1), graceEnds, "BCXYZ");

    [Fact]
    public void BillDetail_Lines_ShowUsagePacksBillableAndExactAmounts()
    {
        var bill = Bill(0m, Line("FV", Day, 130, 100, "0.182", "5.46", "0", "5.46"),
            Line("FACE_COMPARE", Day, 7, 0, "0.006", "0.042", "0.002", "0.04"));

        var cut = Render<BillDetail>(p => p.Add(x => x.Bill, bill));

        var rows = cut.FindAll("[data-testid=bill-line]");
        Assert.Equal(2, rows.Count);
        var fv = rows[0].TextContent;
        Assert.Contains("130", fv);
        Assert.Contains("100", fv);
        Assert.Contains("¥0.182", fv);
        Assert.Contains("¥0.042", rows[1].TextContent);
        Assert.Contains("¥0.002", rows[1].TextContent);
        Assert.Contains("¥5.502", cut.Markup);
        Assert.Empty(cut.FindAll("[data-testid=bill-outstanding]"));
    }

    [Fact]
    public void BillDetail_LateLineAndOutstanding_AreMarked()
    {
        var bill = Bill(2m, Line("RP", Day.AddDays(-2), 3, 0, "1.00", "3.00", "0", "3.00"));

        var cut = Render<BillDetail>(p => p.Add(x => x.Bill, bill));

        Assert.Contains("Late", cut.Find("[data-testid=bill-line]").TextContent);
        Assert.Contains("2026-11-24", cut.Find("[data-testid=bill-line]").TextContent);
        Assert.Contains("¥2.00", cut.Find("[data-testid=bill-outstanding]").TextContent);
    }

    [Fact]
    public void ArrearsBanner_InArrears_ShowsTimeLeftAndAmountDue()
    {
        var cut = Render<ArrearsBanner>(p => p
            .Add(x => x.Summary, Summary(AccountStatus.Arrears, -4m, Now.AddHours(5).AddMinutes(12)))
            .Add(x => x.NowUtc, Now).Add(x => x.Calendar, BillingCalendar.Shanghai));

        var text = cut.Find("[data-testid=arrears-banner]").TextContent;
        Assert.Contains("5 h 12 min", text);
        Assert.Contains("2026-11-27 15:12", text);
        Assert.Contains("¥4.00", text);
    }

    [Fact]
    public void ArrearsBanner_Suspended_ShowsWhatToPay()
    {
        var cut = Render<ArrearsBanner>(p => p.Add(x => x.Summary, Summary(AccountStatus.Suspended, -12.5m, null))
            .Add(x => x.NowUtc, Now).Add(x => x.Calendar, BillingCalendar.Shanghai));

        Assert.Equal("¥12.50", cut.Find("[data-testid=amount-due]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=arrears-banner]"));
    }

    [Fact]
    public void ArrearsBanner_Active_RendersNothing()
    {
        var cut = Render<ArrearsBanner>(p => p.Add(x => x.Summary, Summary(AccountStatus.Active, 10m, null))
            .Add(x => x.NowUtc, Now).Add(x => x.Calendar, BillingCalendar.Shanghai));

        Assert.Equal("", cut.Markup.Trim());
    }
}
