using System.Text;
using System.Text.RegularExpressions;
using CsCheck;

namespace BillingConsole.Integration.Tests.Hardening;

/// <summary>One generated request: everything but the route's template is generated.</summary>
internal sealed record FuzzCase(int Route, string? Method, int Auth, string PathValue, string Query, string? ContentType,
    byte[]? Body, string? IdempotencyKey, string BodyKind)
{
    public override string ToString() =>
        $"route#{Route} {Method ?? "(its method)"} auth#{Auth} path='{PathValue}' query='{Query}' type='{ContentType}' " +
        $"idem='{IdempotencyKey}' {BodyKind} body({Body?.Length ?? -1})='{Preview()}'";

    private string Preview() => Body is null ? "" : Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 300));
}

/// <summary>CsCheck generators for API requests.</summary>
internal static partial class FuzzGens
{
    private static readonly string[] Fields =
    [
        "amount", "method", "amountReceived", "acknowledgeOriginalRoute", "specId", "events", "eventId", "service",
        "outcome", "occurredAt", "quantity", "sceneId", "name", "ownerEmail", "ownerPassword", "effectiveAt", "expiresAt",
        "reason", "packType", "enabled", "thresholdPercent", "notificationId", "rechargeId", "tradeNo", "status", "key",
    ];

    private static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"];

    private static readonly string[] ContentTypes =
    [
        "application/json", "application/json; charset=utf-8", "application/json; charset=utf-16", "text/plain",
        "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/problem+json",
        "application/json; charset=nonsense", "*/*", "",
    ];

    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.String[0, 40], Gen.Const(""), Gen.Const(" "), Gen.Int[0, 70_000].Select(n => new string('x', n)),
        Gen.Const("\u0000\u0001\u001f"), Gen.Const("😀中文"), Gen.Const("../../etc/passwd"), Gen.Const("' OR 1=1 --"),
        Gen.Const("<script>alert(1)</script>"), Gen.Const("=cmd|' /C calc'!A0"), Gen.Const("2026-12-01T00:00:00"),
        Gen.Const("2026-12-01T00:00:00Z"), Gen.Const("100.00"), Gen.Const("-1"), Gen.Const("1e400"),
        Gen.Const("79228162514264337593543950336"), Gen.Const("alipay"), Gen.Const("offline"), Gen.Const("RP"), Gen.Const("FV_CALLS_1K"));

    private static readonly Gen<string> Scalar = Gen.OneOf(
        Gen.Const("null"), Gen.Const("true"), Gen.Const("false"), Gen.Const("0"), Gen.Const("-0"), Gen.Const("1e309"),
        Gen.Const("99999999999999999999999999999999"), Gen.Const("-9223372036854775809"), Gen.Const("0.000000000000000000000000000001"),
        Gen.Long.Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "1"),
        Text.Select(t => System.Text.Json.JsonSerializer.Serialize(t)), Gen.Const("\"\\ud800\""), Gen.Const("\"\\u0000\""));

    private static Gen<string> Json(int depth) => depth == 0 ? Scalar : Gen.Frequency(
        (4, Scalar),
        (2, Json(depth - 1).Array[0, 6].Select(items => "[" + string.Join(",", items) + "]")),
        (3, Gen.Select(Gen.OneOf(Gen.OneOf(Fields), Gen.String[0, 10]), Json(depth - 1))
            .Array[0, 8].Select(pairs => "{" + string.Join(",", pairs.Select(p =>
                System.Text.Json.JsonSerializer.Serialize(p.Item1) + ":" + p.Item2)) + "}")));

    /// <summary>Bodies that look nearly right for some route, to be mutated.</summary>
    private static readonly string[] Templates =
    [
        """{"amount":"100.00","method":"alipay","acknowledgeOriginalRoute":true}""",
        """{"amountReceived":"1.00"}""",
        """{"specId":"FV_CALLS_1K"}""",
        """{"specId":"FV_CALLS_1K","effectiveAt":"2026-12-01T00:00:00Z","expiresAt":"2027-01-01T00:00:00Z","reason":"x"}""",
        """{"events":[{"eventId":"e1","service":"RP","outcome":"passed","occurredAt":"2026-12-01T00:00:00Z","quantity":1,"sceneId":"s"}]}""",
        """[{"packType":"RP","enabled":true,"thresholdPercent":20}]""",
        """{"name":"Co","ownerEmail":"a@example.com","ownerPassword":"Pass#2026pw"}""",
        """{"notificationId":"n","rechargeId":"00000000-0000-0000-0000-000000000000","tradeNo":"T","amount":"1.00","status":"paid"}""",
    ];

    private static readonly Gen<byte[]> Mutated = Gen.Select(Gen.OneOf(Templates), Gen.Int[0, 6].Array[1, 6], Gen.Int[0, 10_000].Array[6], Gen.Byte.Array[6])
        .Select((template, ops, positions, bytes) =>
        {
            var body = Encoding.UTF8.GetBytes(template).ToList();
            for (var i = 0; i < ops.Length; i++)
            {
                var at = body.Count == 0 ? 0 : positions[i] % body.Count;
                switch (ops[i])
                {
                    case 0 when body.Count > 0: body.RemoveAt(at); break;
                    case 1: body.Insert(at, bytes[i]); break;
                    case 2 when body.Count > 0: body[at] = bytes[i]; break;
                    case 3: body.InsertRange(at, [0xFF, 0xFE]); break;          // invalid UTF-8
                    case 4: body.InsertRange(at, Encoding.UTF8.GetBytes("\"x\":")); break;
                    case 5: body.InsertRange(0, [0xEF, 0xBB, 0xBF]); break;      // BOM
                    default: body.InsertRange(at, Encoding.UTF8.GetBytes(new string('9', 400))); break;
                }
            }
            return body.ToArray();
        });

    private static readonly Gen<(string Kind, byte[]? Body)> Bodies = Gen.Frequency(
        (1, Gen.Const(("none", (byte[]?)null))),
        (1, Gen.Const(("empty", (byte[]?)Array.Empty<byte>()))),
        (2, Gen.Byte.Array[0, 300].Select(b => ("bytes", (byte[]?)b))),
        (5, Json(3).Select(j => ("json", (byte[]?)Encoding.UTF8.GetBytes(j)))),
        (5, Mutated.Select(b => ("mutated", (byte[]?)b))),
        (1, Json(2).Select(j => ("utf16", (byte[]?)Encoding.Unicode.GetBytes(j)))),
        (1, Gen.Int[70_000, 200_000].Select(n => ("huge", (byte[]?)Encoding.UTF8.GetBytes("{\"name\":\"" + new string('x', n) + "\"}")))));

    private static Gen<string> PathValues(Guid accountId) => Gen.OneOf(
        Gen.Guid.Select(g => g.ToString()), Gen.Const(accountId.ToString()), Gen.Const(Guid.Empty.ToString()),
        Gen.OneOf("daily-billing", "pack-lifecycle", "quota-alerts", "send-notifications", "", "x", "%01", "..%2F..", /* %00: TestServer itself throws (Kestrel answers 400) */
            "%E4%B8%AD", "%FF", new string('9', 3000)),
        Gen.String[1, 20].Select(Uri.EscapeDataString));

    private static readonly Gen<string> Queries = Gen.OneOf(
        Gen.Const(""),
        Gen.Select(Gen.OneOf("from", "to", "service", "kind", "unread", "t", "month", "page", "culture"), Text)
            .Array[1, 4].Select(pairs => "?" + string.Join("&", pairs.Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2.Length > 3000 ? p.Item2[..3000] : p.Item2)))));

    public static Gen<FuzzCase> Case(int routes, Guid accountId) => Gen.Select(
        Gen.Int[0, routes - 1],
        Gen.Frequency((3, Gen.Const((string?)null)), (1, Gen.OneOf(Methods).Select(m => (string?)m))),
        Gen.Int[0, 4],
        PathValues(accountId),
        Queries,
        Gen.Frequency((4, Gen.Const((string?)"application/json")), (3, Gen.OneOf(ContentTypes).Select(t => (string?)t)), (1, Gen.Const((string?)null))),
        Bodies,
        Gen.Frequency((5, Gen.Const((string?)null)), (1, Text.Select(t => (string?)HeaderSafe(t)))))
        .Select((route, method, auth, pathValue, query, type, body, idem) =>
            new FuzzCase(route, method, auth, pathValue, query, type, body.Body, idem, body.Kind));

    /// <summary>The template with every {parameter} replaced by the generated value.</summary>
    public static string Fill(string template, string value) => Parameter().Replace(template, value);

    /// <summary>HTTP cannot carry CR/LF in a header value at all; everything else is fair game.</summary>
    private static string HeaderSafe(string value) => value.Replace("\r", "").Replace("\n", "");

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
