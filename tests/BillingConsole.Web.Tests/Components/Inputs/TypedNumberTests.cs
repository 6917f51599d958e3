using System.Globalization;
using BillingConsole.Web.Components.Inputs;
using BillingConsole.Web.Features.Recharge;
using BillingConsole.Web.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace BillingConsole.Web.Tests.Components.Inputs;

/// <summary>Issue 15 item 6: one normalizer for every typed number.</summary>
public sealed class TypedNumberTests
{
    [Theory]
    [InlineData("１００", "100")]
    [InlineData("２０", "20")]
    [InlineData(" 1,000 ", "1000")]
    [InlineData("1,000,000.00", "1000000.00")]
    [InlineData("１，０００．５", "1000.5")]
    [InlineData("\u3000２０\u3000", "20")]
    [InlineData("-12,345.67", "-12345.67")]
    [InlineData("1,5", "1,5")]
    [InlineData("12,34", "12,34")]
    [InlineData("", "")]
    public void Issue15_6_Normalize(string typed, string expected) => Assert.Equal(expected, TypedNumber.Normalize(typed));

    [Fact]
    public void Issue15_6_RechargeMaximum_ReadsLikeItsHelperText()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        try
        {
            var factory = new ResourceManagerStringLocalizerFactory(
                Options.Create(new LocalizationOptions()), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
            IStringLocalizer<SharedResource> l = new StringLocalizer<SharedResource>(factory);

            var error = CreateRechargeHandler.AmountError(TypedNumber.Normalize("２,０００,０００"), 1_000_000m, out _);

            Assert.Contains("¥1,000,000.00", L(l, error!));
            Assert.Null(CreateRechargeHandler.AmountError(TypedNumber.Normalize(" １,０００ "), 1_000_000m, out var amount));
            Assert.Equal(1000m, amount.Amount);
        }
        finally
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        }
    }

    private static string L(IStringLocalizer<SharedResource> l, BillingConsole.Domain.Common.ResultMessage m) =>
        string.Format(CultureInfo.CurrentCulture, l[m.Format].Value, [.. m.Arguments]);
}
