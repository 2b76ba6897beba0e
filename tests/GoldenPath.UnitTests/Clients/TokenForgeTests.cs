using System.Text;
using System.Text.Json.Nodes;
using GoldenPath.Fixtures.Clients;
using GoldenPath.Fixtures.Stack;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GoldenPath.UnitTests.Clients;

/// <summary>Each forged token of the auth.jwt-refused rows is wrong in exactly the one thing its row names.</summary>
[Unit]
public sealed class TokenForgeTests
{
    private static readonly TokenSettings Platform = new(new string('k', 64), "goldenpath-auth", "goldenpath-platform");
    private static readonly string Issued = TokenForge.Access(Platform, "user-1", "one@example.test", TimeSpan.FromMinutes(15));

    [Fact]
    public async Task The_issued_token_is_valid_so_each_forgery_is_wrong_only_in_what_it_changes()
    {
        (await ValidateAsync(Issued, SecurityAlgorithms.HmacSha256)).IsValid.Should().BeTrue();
    }

    [Fact]
    public void An_unsigned_token_says_alg_none_and_has_no_signature()
    {
        var token = TokenForge.Unsigned(Issued);

        token.Should().EndWith(".");
        Header(token)["alg"]!.GetValue<string>().Should().Be("none");
        TokenForge.Claims(token).ToJsonString().Should().Be(TokenForge.Claims(Issued).ToJsonString());
    }

    [Fact]
    public void A_token_without_its_signature_keeps_its_header_and_claims()
    {
        TokenForge.WithoutSignature(Issued).Should().Be(Issued[..(Issued.LastIndexOf('.') + 1)]);
    }

    [Fact]
    public async Task The_HS512_token_is_a_true_HS512_signature_with_the_platforms_key()
    {
        var token = TokenForge.SignedHs512(Issued, Platform);

        Header(token)["alg"]!.GetValue<string>().Should().Be("HS512");
        (await ValidateAsync(token, SecurityAlgorithms.HmacSha512)).IsValid.Should().BeTrue("only the algorithm is wrong");
        (await ValidateAsync(token, SecurityAlgorithms.HmacSha256)).IsValid.Should().BeFalse();
    }

    [Fact]
    public void The_RS256_token_has_an_RS256_header_and_an_RSA_sized_signature()
    {
        var token = TokenForge.Rs256Garbage(Issued);

        Header(token)["alg"]!.GetValue<string>().Should().Be("RS256");
        Base64UrlEncoder.DecodeBytes(token.Split('.')[2]).Should().HaveCount(256);
    }

    [Theory]
    [InlineData("iss")]
    [InlineData("aud")]
    public async Task A_token_of_another_issuer_or_audience_is_signed_right_and_wrong_in_that_claim(string claim)
    {
        var token = TokenForge.WithClaim(Issued, claim, "impostor", Platform);

        TokenForge.Claims(token)[claim]!.GetValue<string>().Should().Be("impostor");
        var result = await ValidateAsync(token, SecurityAlgorithms.HmacSha256);
        result.IsValid.Should().BeFalse();
        result.Exception.Should().BeAssignableTo(claim == "iss" ? typeof(SecurityTokenInvalidIssuerException) : typeof(SecurityTokenInvalidAudienceException));
    }

    private static JsonObject Header(string token) => (JsonObject)JsonNode.Parse(Base64UrlEncoder.Decode(token.Split('.')[0]))!;

    private static Task<TokenValidationResult> ValidateAsync(string token, string algorithm) =>
        new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Platform.SecretKey)),
            ValidIssuer = Platform.Issuer,
            ValidAudience = Platform.Audience,
            ValidAlgorithms = [algorithm],
        });
}
