namespace BusFlow.Web.Security;

/// <summary>The "BusFlow:SignIn" section: how people sign in.</summary>
public sealed class SignInSettings
{
    public const string Section = "BusFlow:SignIn";

    /// <summary>Local accounts with a password; switch off when every person signs in through OpenID Connect.</summary>
    public bool LocalAccounts { get; set; } = true;

    /// <summary>Administrators with a local account must sign in with a TOTP second factor.</summary>
    public bool RequireTwoFactorForAdministrators { get; set; } = true;

    /// <summary>A session ends after this long without a request.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A session ends this long after sign-in, however active.</summary>
    public TimeSpan AbsoluteTimeout { get; set; } = TimeSpan.FromHours(10);

    /// <summary>Sign-in attempts per minute, per client address and per account.</summary>
    public int AttemptsPerMinute { get; set; } = 10;

    public OidcSettings Oidc { get; set; } = new();

    public static SignInSettings From(IConfiguration configuration)
    {
        var settings = new SignInSettings();
        configuration.GetSection(Section).Bind(settings);
        return settings;
    }
}
