using BillingConsole.Domain.Common;
using BillingConsole.Domain.Pricing;
using BillingConsole.Domain.QuotaAlerts;
using CsCheck;

namespace BillingConsole.Domain.Tests.QuotaAlerts;

public sealed class QuotaAlertPropertyTests
{
    private static readonly Gen<(long Total, long Remaining, int Percent)> Holding =
        from total in Gen.Long[1, 1_000_000_000L]
        from remaining in Gen.Long[0, total]
        from percent in Gen.Int[1, 99]
        select (total, remaining, percent);

    [Fact]
    public void A3_RatioAlert_FiresExactlyWhenRemainingOverTotalAtMostThreshold()
    {
        Holding.Sample(h =>
        {
            var s = new AlertScenario().Holds("RP_CALLS", PackCycle.None, h.Remaining, h.Total)
                .Configure("RP_CALLS", true, h.Percent);

            var ratio = s.Evaluate().SingleOrDefault(a => a.Kind == QuotaAlertKind.Ratio);

            var expected = (decimal)h.Remaining / h.Total <= h.Percent / 100m;
            Assert.Equal(expected, ratio is not null);
            if (ratio is null) return;
            Assert.True(ratio.RatioPercent <= h.Percent);
            Assert.Equal(ratio.RatioPercent, decimal.Round(ratio.RatioPercent, 2));
            Assert.Equal(h.Remaining > 0, ratio.RatioPercent > 0);
        });
    }

    [Fact]
    public void A4_RandomDeductionsAndPurchases_EachKeyFiresOnce_AndEveryArmAlertsWhenBelow()
    {
        var steps = Gen.Select(Gen.Bool, Gen.Long[0, 500]).Array[1, 40];
        steps.Sample(ops =>
        {
            var s = new AlertScenario().Holds("RP_CALLS", PackCycle.None, remaining: 1000, total: 1000, armEpoch: 1000);
            var (remaining, total) = (1000L, 1000L);
            foreach (var (purchase, amount) in ops)
            {
                if (purchase) { s.Grows("RP_CALLS", amount + 1); remaining += amount + 1; total += amount + 1; }
                else { remaining = Math.Max(0, remaining - amount); s.Remaining("RP_CALLS", remaining); }

                s.Evaluate(purchase ? QuotaAlertTrigger.Purchase : QuotaAlertTrigger.Deduction);

                Assert.Empty(s.Evaluate(QuotaAlertTrigger.Sweep));
                var armKey = $"{s.AccountId}:RP_CALLS:ratio:arm{total}:gen0";
                Assert.Equal(remaining * 100 <= 30 * total, s.History.Contains(armKey));
            }
        });
    }

    [Fact]
    public void A6_RandomBalances_ExactlyOneAlertPerDip()
    {
        var moves = Gen.Select(Gen.Enum<BalanceMovement>(), Gen.Long[-50_00, 300_00]).Array[1, 60];
        moves.Sample(ops =>
        {
            var now = new DateTime(2026, 11, 10, 2, 0, 0, DateTimeKind.Utc);
            var rule = LowBalanceAlertRule.CreateDefault(Guid.NewGuid(), now);
            rule.Configure(true, Money.Yuan(100m), now);
            var keys = new HashSet<string>(StringComparer.Ordinal);
            var alertedThisDip = false;
            foreach (var (movement, fen) in ops)
            {
                var balance = Money.Yuan(fen / 100m);

                var alert = rule.Observe(movement, balance, now);

                if (balance >= rule.Threshold) alertedThisDip = false;
                var expected = movement is BalanceMovement.Bill or BalanceMovement.Purchase
                    && balance < rule.Threshold && !alertedThisDip;
                Assert.Equal(expected, alert is not null);
                if (alert is null) continue;
                Assert.True(keys.Add(alert.OccurrenceKey));
                alertedThisDip = true;
            }
        });
    }
}
