using System.Buffers.Text;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using GoldenPath.Fixtures.Clients;
using GoldenPath.Fixtures.Rules;

namespace GoldenPath.UnitTests.Isolation;

[Unit]
public sealed class IssuedTokenCheckTests
{
    [Fact]
    public void A_token_response_as_PROTOCOL_lists_it_is_clean()
    {
        IssuedTokenCheck.Problems(Response()).Should().BeEmpty();
    }

    [Fact]
    public void Expires_in_that_disagrees_with_exp_minus_iat_names_token_claims()
    {
        IssuedTokenCheck.Problems(Response(expiresIn: 3600)).Should().ContainSingle()
            .Which.Should().Be("token-claims: the access token lives exp - iat = 900 s, but expires_in says 3600 s");
    }

    [Fact]
    public void A_missing_claim_and_a_wrong_token_type_are_named()
    {
        var problems = IssuedTokenCheck.Problems(Response(access: c => { c.Remove("jti"); c["token_type"] = "refresh"; }));

        problems.Should().Contain(p => p.StartsWith("token-claims: the access token lacks the claim(s) jti", StringComparison.Ordinal));
        problems.Should().Contain("token-claims: the access token's token_type claim is \"refresh\", not \"access\"");
    }

    [Fact]
    public void A_sub_other_than_the_users_id_is_named()
    {
        IssuedTokenCheck.Problems(Response(refresh: c => c["sub"] = "99")).Should().ContainSingle()
            .Which.Should().Contain("the refresh token's sub is \"99\", but the response's user.id is \"42\"");
    }

    [Fact]
    public void Extra_claims_and_fields_and_short_ids_are_latitude()
    {
        IssuedTokenCheck.Problems(Response(access: c => c["scope"] = "chat", extra: b => b["session"] = new JsonObject { ["x"] = 1 })).Should().BeEmpty();
    }

    private static ApiResponse Response(int expiresIn = 900, Action<JsonObject>? access = null, Action<JsonObject>? refresh = null, Action<JsonObject>? extra = null)
    {
        var body = new JsonObject
        {
            ["access_token"] = Jwt("access", 900, access),
            ["refresh_token"] = Jwt("refresh", 604800, refresh),
            ["token_type"] = "Bearer",
            ["expires_in"] = expiresIn,
            ["user"] = new JsonObject { ["id"] = "42", ["email"] = "a@example.test", ["name"] = "A" },
        };
        extra?.Invoke(body);
        return new ApiResponse("POST /auth/login", HttpStatusCode.OK, body.ToJsonString());
    }

    private static string Jwt(string type, int lifetime, Action<JsonObject>? change)
    {
        var claims = new JsonObject
        {
            ["sub"] = "42", ["email"] = "a@example.test", ["iat"] = 1_800_000_000, ["exp"] = 1_800_000_000 + lifetime, ["jti"] = "j1",
            ["iss"] = "goldenpath-auth", ["aud"] = "goldenpath-platform", ["token_type"] = type,
        };
        change?.Invoke(claims);
        return $"{Part("""{"alg":"HS256","typ":"JWT"}""")}.{Part(claims.ToJsonString())}.c2lnbmF0dXJl";
    }

    private static string Part(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
}
