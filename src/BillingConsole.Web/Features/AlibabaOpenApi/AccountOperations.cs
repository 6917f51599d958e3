using BillingConsole.Domain.Common;
using BillingConsole.Domain.Ledger;
using BillingConsole.Domain.Payments;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Features.Accounts;
using BillingConsole.Web.Features.Settlement;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.AlibabaOpenApi;

/// <summary>9.1: the cash balance, as strings with two decimals; no credit line exists here.</summary>
internal sealed class QueryAccountBalance(GetAccountSummaryHandler accounts) : IBssOperation
{
    public string Action => nameof(QueryAccountBalance);

    public async Task<object> HandleAsync(OpenApiCall call, CancellationToken ct)
    {
        var account = await accounts.HandleAsync(call.AccountId, ct) ?? throw new OpenApiException(OpenApiErrors.Forbidden);
        var balance = BssCatalog.MoneyString(account.Balance);
        return BssEnvelope.Success(call.RequestId, new
        {
            AvailableAmount = balance,
            AvailableCashAmount = balance,
            CreditAmount = "0.00",
            MybankCreditAmount = "0.00",
            QuotaLimit = "0.00",
            Currency = BssCatalog.Currency,
        });
    }
}

/// <summary>9.4: the ledger (收支明细) in a time window, oldest first like <c>GET /api/v1/ledger</c>, paged.</summary>
internal sealed class QueryAccountTransactions(GetLedgerHandler ledger, GetAccountSummaryHandler accounts,
    IDbContextFactory<BillingDbContext> dbFactory, BillingCalendar calendar, TimeProvider clock) : IBssOperation
{
    public string Action => nameof(QueryAccountTransactions);

    public async Task<object> HandleAsync(OpenApiCall call, CancellationToken ct)
    {
        var p = call.Parameters;
        var now = clock.GetUtcNow().UtcDateTime;
        var end = p.Time("CreateTimeEnd") ?? now;
        var start = p.Time("CreateTimeStart") ?? end.AddMonths(-1);
        if (start > end) throw OpenApiParameters.Invalid("CreateTimeStart");
        if (end - start > TimeSpan.FromDays(DayRange.MaxDays)) throw OpenApiParameters.Invalid("CreateTimeStart");
        var pageNum = p.Int("PageNum", 1, 1, int.MaxValue);
        var pageSize = p.Int("PageSize", 20, 1, OpenApiParameters.MaxPageSize);

        var account = await accounts.HandleAsync(call.AccountId, ct) ?? throw new OpenApiException(OpenApiErrors.Forbidden);
        var entries = (await ledger.HandleAsync(new GetLedgerQuery(call.AccountId,
                new DayRange(calendar.DayOf(start), calendar.DayOf(end))), ct))
            .Where(e => e.TimeUtc >= start && e.TimeUtc <= end).ToList();
        var recharges = await RechargesAsync(call.AccountId, entries, ct);
        var rows = entries.Select(e => Row(e, recharges)).Where(r =>
                Matches(p.Get("TransactionType"), r.TransactionType) && Matches(p.Get("TransactionFlow"), r.TransactionFlow)
                && Matches(p.Get("TransactionChannel"), r.TransactionChannel)
                && Matches(p.Get("TransactionChannelSN"), r.TransactionChannelSN)
                && Matches(p.Get("TransactionNumber"), r.TransactionNumber) && Matches(p.Get("RecordID"), r.RecordID))
            .ToList();
        return BssEnvelope.Success(call.RequestId, new
        {
            AccountName = account.Name,
            PageNum = pageNum,
            PageSize = pageSize,
            TotalCount = rows.Count,
            AccountTransactionsList = new
            {
                AccountTransactionsList = rows.Skip((pageNum - 1) * pageSize).Take(pageSize).ToList(),
            },
        });
    }

    /// <summary>A filter value outside the documented set matches nothing (the SDK's documentation says so).</summary>
    private static bool Matches(string? filter, string value) => filter is null || string.Equals(filter, value, StringComparison.Ordinal);

    private async Task<Dictionary<string, Domain.Payments.Recharge>> RechargesAsync(Guid accountId, List<LedgerRow> entries, CancellationToken ct)
    {
        var ids = entries.Where(e => e.Kind == LedgerEntryKind.Recharge)
            .Select(e => Guid.TryParse(e.Reference, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToList();
        if (ids.Count == 0) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var list = await db.Recharges.AsNoTracking().Where(r => r.AccountId == accountId && ids.Contains(r.Id)).ToListAsync(ct);
        return list.ToDictionary(r => r.Id.ToString(), StringComparer.OrdinalIgnoreCase);
    }

    private TransactionRow Row(LedgerRow e, Dictionary<string, Domain.Payments.Recharge> recharges)
    {
        var recharge = e.Kind == LedgerEntryKind.Recharge ? recharges.GetValueOrDefault(e.Reference) : null;
        var channel = recharge?.Method switch
        {
            RechargeMethod.Alipay => "Alipay",
            RechargeMethod.Bank => "BankTransfer",
            RechargeMethod.Offline => "OfflineRemittance",
            _ => "AccountBalance",
        };
        return new TransactionRow(
            TransactionNumber: e.EntryId.ToString(),
            TransactionTime: e.TimeUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            TransactionFlow: e.Amount.IsNegative ? "Expense" : "Income",
            TransactionType: e.Kind switch
            {
                LedgerEntryKind.Recharge => "Payment",
                LedgerEntryKind.DailyBill or LedgerEntryKind.PackPurchase or LedgerEntryKind.LicencePurchase => "Consumption",
                LedgerEntryKind.Refund => "Refund",
                LedgerEntryKind.Withdrawal => "Withdraw",
                _ => "Adjust",
            },
            TransactionChannel: channel,
            TransactionChannelSN: recharge?.GatewayTradeNo ?? "",
            TransactionAccount: "",
            FundType: "Cash",
            RecordID: e.Reference,
            Remarks: e.Description ?? e.KindName,
            BillingCycle: calendar.DayOf(e.TimeUtc).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
            Amount: BssCatalog.MoneyString(e.Amount.IsNegative ? -e.Amount : e.Amount),
            Balance: BssCatalog.MoneyString(e.BalanceAfter));
    }

    private sealed record TransactionRow(string TransactionNumber, string TransactionTime, string TransactionFlow,
        string TransactionType, string TransactionChannel, string TransactionChannelSN, string TransactionAccount,
        string FundType, string RecordID, string Remarks, string BillingCycle, string Amount, string Balance);
}
