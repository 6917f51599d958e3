using BillingConsole.Domain.Invoicing;

namespace BillingConsole.Domain.Tests.Invoicing;

/// <summary>SPEC V1: the 纳税人识别号 of a company title is checked by its GB 32100 check character.</summary>
public sealed class UnifiedSocialCreditCodeTests
{
    /// <summary>Published codes of real companies (business licences are public in China).</summary>
    public static TheoryData<string> RealCodes => new()
    {
        "91330100716105852F", // 阿里巴巴（中国）有限公司
        "9144030071526726XG", // 深圳市腾讯计算机系统有限公司
        "914403001922038216", // 华为技术有限公司
        "91330100799655058B", // 阿里巴巴（中国）网络技术有限公司
        "91110000802100433B", // 北京百度网讯科技有限公司
    };

    [Theory]
    [MemberData(nameof(RealCodes))]
    public void V1_RealCodes_AreValid(string code)
    {
        Assert.True(UnifiedSocialCreditCode.IsValid(code));
        Assert.True(UnifiedSocialCreditCode.IsValid(" " + code.ToLowerInvariant() + " "));
        Assert.Equal(code[17], UnifiedSocialCreditCode.CheckCharacter(code.AsSpan(0, 17)));
    }

    [Theory]
    [MemberData(nameof(RealCodes))]
    public void V1_EveryOtherCheckCharacter_IsRefused(string code)
    {
        foreach (var c in "0123456789ABCDEFGHJKLMNPQRTUWXY".Where(c => c != code[17]))
        {
            Assert.False(UnifiedSocialCreditCode.IsValid(code[..17] + c));
        }
    }

    [Theory]
    [MemberData(nameof(RealCodes))]
    public void V1_AnySingleCharacterChanged_IsRefused(string code)
    {
        // The weights 3^i mod 31 are all non-zero mod the prime 31, so one changed character always changes the sum.
        for (var i = 0; i < 17; i++)
        {
            foreach (var c in "0123456789ABCDEFGHJKLMNPQRTUWXY".Where(c => c != code[i]))
            {
                var mutated = code[..i] + c + code[(i + 1)..];
                Assert.False(UnifiedSocialCreditCode.IsValid(mutated), mutated);
            }
        }
    }

    [Theory]
    [InlineData("91330100716105852F", 3, 4)] // two neighbours swapped
    [InlineData("914403001922038216", 9, 10)]
    public void V1_TransposedCharacters_AreRefused(string code, int i, int j)
    {
        var chars = code.ToCharArray();
        (chars[i], chars[j]) = (chars[j], chars[i]);
        Assert.False(UnifiedSocialCreditCode.IsValid(new string(chars)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("91330100716105852")] // 17
    [InlineData("91330100716105852FF")] // 19
    [InlineData("9133010071610585IF")] // I is not in the alphabet
    [InlineData("9133010071610585OF")] // nor O
    [InlineData("91A30100716105852F")] // region code with a letter
    [InlineData("110108199003071234")] // an ID card number is not a credit code
    public void V1_MalformedCodes_AreRefusedWithAReason(string? code)
    {
        Assert.NotNull(UnifiedSocialCreditCode.Check(code));
    }
}
