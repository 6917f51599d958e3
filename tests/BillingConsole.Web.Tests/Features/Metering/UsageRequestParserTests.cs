using System.Buffers;
using System.Text;
using BillingConsole.Domain.Common;
using BillingConsole.Web.Features.Metering;

namespace BillingConsole.Web.Tests.Features.Metering;

public sealed class UsageRequestParserTests
{
    private static Result<IReadOnlyList<ParsedUsageEvent>> Parse(string json) =>
        UsageRequestParser.Parse(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(json)));

    [Theory]
    [InlineData("", "body")]
    [InlineData("not json", "body")]
    [InlineData("[]", "body")]
    [InlineData("{\"events\":[{\"eventId\":\"a\"}", "body")]
    [InlineData("{\"events\":[]} trailing", "body")]
    [InlineData("{}", "events")]
    [InlineData("{\"events\":null}", "events")]
    [InlineData("{\"events\":{}}", "events")]
    [InlineData("{\"events\":[]}", "events")]
    public void Parse_MalformedRequest_IsInvalidWithTheField(string json, string field)
    {
        var result = Parse(json);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.True(result.FieldErrors.ContainsKey(field), string.Join(",", result.FieldErrors.Keys));
    }

    [Fact]
    public void Parse_MoreThan1000Events_IsInvalid()
    {
        var json = "{\"events\":[" + string.Join(",", Enumerable.Repeat("{}", 1001)) + "]}";

        var result = Parse(json);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Contains("at most 1,000", result.FieldErrors["events"][0]);
        Assert.True(Parse("{\"events\":[" + string.Join(",", Enumerable.Repeat("{}", 1000)) + "]}").IsOk);
    }

    [Fact]
    public void Parse_WrongFieldTypes_RejectOnlyThatEvent()
    {
        var result = Parse("""
            {"events":[
              {"eventId":42,"service":"RP"},
              {"eventId":"q","quantity":"3"},
              {"eventId":"t","occurredAt":1700000000},
              "not an object",
              {"eventId":"ok","service":"RP","outcome":"passed","occurredAt":"2026-11-27T11:04:05+08:00","quantity":2,"extra":{"x":[1]}}
            ], "other": true}
            """);

        Assert.True(result.IsOk);
        var events = result.Value!;
        Assert.Contains("eventId must be a string", events[0].Error);
        Assert.Equal(("q", "quantity must be a whole positive number"), (events[1].EventId, events[1].Error));
        Assert.Contains("occurredAt must be", events[2].Error);
        Assert.Contains("JSON object", events[3].Error);
        var ok = events[4].Input!;
        Assert.Equal(new DateTime(2026, 11, 27, 3, 4, 5, DateTimeKind.Utc), ok.OccurredAt);
        Assert.Equal(DateTimeKind.Utc, ok.OccurredAt!.Value.Kind);
        Assert.Equal(2, ok.Quantity);
    }
}
