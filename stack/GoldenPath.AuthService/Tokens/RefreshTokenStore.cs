using GoldenPath.Platform.Common.Storage;
using GoldenPath.Platform.Common.Tokens;
using Npgsql;

namespace GoldenPath.AuthService.Tokens;

/// <summary>Issued refresh tokens, each spendable once.</summary>
public sealed class RefreshTokenStore(NpgsqlDataSource dataSource)
{
    public async Task StoreAsync(IssuedToken token, string userId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO refresh_tokens (token_id, user_id, expires_at) VALUES ($1, $2, $3)");
        command.WithParameters(token.TokenId, userId, token.ExpiresAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Marks the token used; false when it is unknown, expired or already used.</summary>
    public async Task<bool> TrySpendAsync(Guid tokenId, string userId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE refresh_tokens SET used_at = now()
            WHERE token_id = $1 AND user_id = $2 AND used_at IS NULL AND expires_at > now()
            RETURNING token_id
            """);
        command.WithParameters(tokenId, userId);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }
}
