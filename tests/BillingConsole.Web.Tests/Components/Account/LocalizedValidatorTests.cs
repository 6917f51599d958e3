using System.ComponentModel.DataAnnotations;
using System.Globalization;
using BillingConsole.Web.Components.Account.Shared;
using BillingConsole.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace BillingConsole.Web.Tests.Components.Account;

/// <summary>
/// Issue #8: the sign-in and account forms' validation messages in the console's culture (Blazor's own
/// DataAnnotationsValidator only ever writes English).
/// </summary>
public sealed class LocalizedValidatorTests : BillingTestContext
{
    private sealed class Form
    {
        [Required, EmailAddress, Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required]
        [StringLength(100, ErrorMessage = "The {0} must be at least {2} and at max {1} characters long.", MinimumLength = 8)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";

        [Display(Name = "Confirm Password")]
        [Compare("Password", ErrorMessage = "The password and confirmation password do not match.")]
        public string ConfirmPassword { get; set; } = "";

        [StringLength(200), Display(Name = "Account name")]
        public string AccountName { get; set; } = "";
    }

    [Theory]
    [InlineData("zh-CN", "请输入邮箱。", "密码长度须为 8 到 100 个字符。", "两次输入的密码不一致。", "账号名称最多 200 个字符。")]
    [InlineData("en-US", "The Email field is required.", "The Password must be at least 8 and at max 100 characters long.",
        "The password and confirmation password do not match.", "The field Account name must be a string with a maximum length of 200.")]
    public void Messages_FollowTheCulture(string culture, string required, string length, string compare, string maxLength)
    {
        UseCulture(culture);
        var model = new Form { Password = "short", ConfirmPassword = "other", AccountName = new string('a', 201) };
        var context = new EditContext(model);

        Render<CascadingValue<EditContext>>(p => p.Add(c => c.Value, context)
            .AddChildContent<LocalizedDataAnnotationsValidator>());
        var valid = context.Validate();

        Assert.False(valid);
        Assert.Equal([required], context.GetValidationMessages(() => model.Email));
        Assert.Equal([length], context.GetValidationMessages(() => model.Password));
        Assert.Equal([compare], context.GetValidationMessages(() => model.ConfirmPassword));
        Assert.Equal([maxLength], context.GetValidationMessages(() => model.AccountName));
    }

    [Fact]
    public void AFixedField_LosesItsMessage_OnTheFieldChange()
    {
        UseCulture("zh-CN");
        var model = new Form { Password = "long enough", ConfirmPassword = "long enough" };
        var context = new EditContext(model);
        Render<CascadingValue<EditContext>>(p => p.Add(c => c.Value, context)
            .AddChildContent<LocalizedDataAnnotationsValidator>());
        context.Validate();
        Assert.Equal(["请输入邮箱。"], context.GetValidationMessages(() => model.Email));

        model.Email = "owner@example.com";
        context.NotifyFieldChanged(context.Field(nameof(Form.Email)));

        Assert.Empty(context.GetValidationMessages(() => model.Email));
        Assert.True(context.Validate());
    }

    // Set inside the test method: the culture flows with the async context the renderer runs in.
    private static void UseCulture(string name)
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
    }
}
