using System.Collections.Concurrent;
using BillingConsole.Domain.Common;

namespace BillingConsole.Web.Features.AlipaySimulator;

/// <summary>A trade as the simulator keeps it (in memory: the simulator is for one development or demo node).</summary>
public sealed class SimulatorTrade(string outTradeNo, string appId, Money totalAmount, string subject, string? notifyUrl,
    string? returnUrl, DateTimeOffset createdAt)
{
    public string OutTradeNo { get; } = outTradeNo;
    public string AppId { get; } = appId;
    public Money TotalAmount { get; } = totalAmount;
    public string Subject { get; } = subject;
    public string? NotifyUrl { get; } = notifyUrl;
    public string? ReturnUrl { get; } = returnUrl;
    public DateTimeOffset CreatedAt { get; } = createdAt;
    public string TradeNo { get; } = createdAt.ToString("yyyyMMdd") + "22" + Random.Shared.NextInt64(1_000_000_000_000_000, 9_999_999_999_999_999);
    public string Status { get; set; } = "WAIT_BUYER_PAY";
    public DateTimeOffset? PaidAt { get; set; }
    /// <summary>out_request_no → amount: a repeated refund request is answered, never refunded again.</summary>
    public ConcurrentDictionary<string, Money> Refunds { get; } = new();
    public Money RefundedTotal => Refunds.Values.Aggregate(Money.Zero, (s, m) => s + m);
}

public sealed class SimulatorTrades
{
    private readonly ConcurrentDictionary<string, SimulatorTrade> trades = new();

    public SimulatorTrade Open(SimulatorTrade trade) => trades.GetOrAdd(trade.OutTradeNo, trade);

    public SimulatorTrade? Find(string? outTradeNo) => outTradeNo is null ? null : trades.GetValueOrDefault(outTradeNo);

    /// <summary>Serialises changes of one trade (pay, close, refund) without a lock per trade.</summary>
    public T Change<T>(SimulatorTrade trade, Func<SimulatorTrade, T> change)
    {
        lock (trade) return change(trade);
    }
}
