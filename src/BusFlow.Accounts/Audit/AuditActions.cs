namespace BusFlow.Accounts.Audit;

/// <summary>What the audit log records.</summary>
public static class AuditActions
{
    public const string SignedIn = "signed-in";
    public const string SignInFailed = "sign-in-failed";
    public const string LockedOut = "locked-out";
    public const string SignedOut = "signed-out";
    public const string SignedOutEverywhere = "signed-out-everywhere";
    public const string AccountCreated = "account-created";
    public const string AccountDisabled = "account-disabled";
    public const string AccountEnabled = "account-enabled";
    public const string PasswordChanged = "password-changed";
    public const string PasswordReset = "password-reset";
    public const string RoleGranted = "role-granted";
    public const string RoleRevoked = "role-revoked";
    public const string TwoFactorEnabled = "two-factor-enabled";
    public const string TwoFactorDisabled = "two-factor-disabled";
    public const string TokenCreated = "token-created";
    public const string TokenRevoked = "token-revoked";
    public const string SetupLinkIssued = "setup-link-issued";
    public const string SetupLinkRefused = "setup-link-refused";

    /// <summary>A change made through the API or the pages: started, cancelled, retried, signalled, answered, a feed issued.</summary>
    public const string Change = "change";
}
