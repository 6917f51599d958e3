using BillingConsole.Web.Features.Recharge;
using BillingConsole.Web.Tests.Infrastructure;

namespace BillingConsole.Web.Tests.Features.Recharge;

public sealed class RechargeFormTests : BillingTestContext
{
    private RechargeFormValue? submitted;

    private IRenderedComponent<RechargeForm> RenderForm() => Render<RechargeForm>(p => p
        .Add(x => x.MaxRecharge, 1_000_000m)
        .Add(x => x.OnSubmit, v => submitted = v));

    private static void TypeAmount(IRenderedComponent<RechargeForm> cut, string text) =>
        cut.Find("[data-testid=recharge-amount] input").Input(text);

    private static void ChooseMethod(IRenderedComponent<RechargeForm> cut, string label) =>
        cut.FindAll(".mud-radio").Single(r => r.TextContent.Contains(label)).QuerySelector("input")!.Click();

    private static bool SubmitDisabled(IRenderedComponent<RechargeForm> cut) =>
        cut.Find("[data-testid=recharge-submit]").HasAttribute("disabled");

    [Theory]
    [InlineData("0", "greater than 0")]
    [InlineData("12.345", "at most 2 decimals")]
    [InlineData("abc", "at most 2 decimals")]
    [InlineData("1000000.01", "at most ¥1,000,000.00")]
    public void R1_BadAmount_ShowsMessageNextToTheField_AndSubmitStaysDisabled(string amount, string message)
    {
        var cut = RenderForm();

        TypeAmount(cut, amount);
        ChooseMethod(cut, "Offline remittance");

        Assert.Contains(message, cut.Find("[data-testid=recharge-amount]").TextContent);
        Assert.True(SubmitDisabled(cut));
    }

    [Theory]
    [InlineData("Alipay")]
    [InlineData("Online banking")]
    public void R1_GatewayMethod_RequiresTheAcknowledgementBeforeSubmit(string method)
    {
        var cut = RenderForm();

        TypeAmount(cut, "100");
        ChooseMethod(cut, method);

        Assert.True(SubmitDisabled(cut));
        cut.Find("[data-testid=recharge-ack] input").Change(true);
        Assert.False(SubmitDisabled(cut));
        cut.Find("[data-testid=recharge-submit]").Click();
        Assert.Equal(true, submitted?.AcknowledgeOriginalRoute);
    }

    [Theory]
    [InlineData("１，０００", "1000")]
    [InlineData(" 1,000.50 ", "1000.50")]
    [InlineData("２５０．５０", "250.50")]
    public void R1_Issue15_6_FullWidthGroupedOrSpacedAmount_IsNormalizedAndSubmitted(string typed, string sent)
    {
        var cut = RenderForm();

        TypeAmount(cut, typed);
        ChooseMethod(cut, "Offline remittance");

        Assert.False(SubmitDisabled(cut));
        cut.Find("[data-testid=recharge-submit]").Click();
        Assert.Equal(new RechargeFormValue(sent, "offline", false), submitted);
    }

    [Fact]
    public void R1_Offline_HidesTheAcknowledgement_AndSubmitsWithoutIt()
    {
        var cut = RenderForm();

        TypeAmount(cut, "250.50");
        ChooseMethod(cut, "Offline remittance");

        Assert.Empty(cut.FindAll("[data-testid=recharge-ack]"));
        Assert.False(SubmitDisabled(cut));
        cut.Find("[data-testid=recharge-submit]").Click();
        Assert.Equal(new RechargeFormValue("250.50", "offline", false), submitted);
    }

    [Fact]
    public void R1_NothingEntered_SubmitDisabled()
    {
        var cut = RenderForm();

        Assert.True(SubmitDisabled(cut));
    }
}
