using StackExchange.Redis;

namespace GoldenPath.Platform.Common.Tokens;

/// <summary>Revoked access-token ids in Redis, each kept until the token would have expired anyway.</summary>
public sealed class RevokedTokenStore(IConnectionMultiplexer redis, TimeProvider clock)
{
    private static RedisKey Key(Guid tokenId) => $"goldenpath:revoked:{tokenId}";

    public Task RevokeAsync(TokenClaims claims)
    {
        var remaining = claims.ExpiresAt - clock.GetUtcNow();
        var ttl = remaining > TimeSpan.FromSeconds(1) ? remaining : TimeSpan.FromSeconds(1);
        return redis.GetDatabase().StringSetAsync(Key(claims.TokenId), "1", ttl);
    }

    public Task<bool> IsRevokedAsync(Guid tokenId) => redis.GetDatabase().KeyExistsAsync(Key(tokenId));
}
