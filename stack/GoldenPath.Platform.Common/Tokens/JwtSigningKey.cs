using System.Text;
using GoldenPath.Platform.Common.Configuration;
using Microsoft.IdentityModel.Tokens;

namespace GoldenPath.Platform.Common.Tokens;

internal static class JwtSigningKey
{
    public static SymmetricSecurityKey From(JwtSettings settings) => new(Encoding.UTF8.GetBytes(settings.SecretKey));
}
