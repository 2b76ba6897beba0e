namespace GoldenPath.Platform.Common.Tokens;

/// <summary>Values of the <c>token_type</c> claim.</summary>
public static class TokenType
{
    public const string Access = "access";
    public const string Refresh = "refresh";
}
