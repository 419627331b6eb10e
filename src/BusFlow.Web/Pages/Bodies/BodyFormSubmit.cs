using BusFlow.Accounts.Audit;
using BusFlow.Bus.Bodies;
using BusFlow.Engine.Persistence;
using BusFlow.Web.Accounts;

namespace BusFlow.Web.Pages.Bodies;

/// <summary>A body's form sent, for the new and the change page alike: saved and audited, or shown again with its errors and nothing saved.</summary>
public sealed class BodyFormSubmit(IWorkflowStore store, AuditTrail audit)
{
    /// <summary>The saved body's page (<paramref name="notice"/> tells it what happened), or the form to show again with a 422.</summary>
    public async Task<(string? SavedPage, BodyFormView? Again)> SendAsync(
        HttpContext http, BodyForm form, Func<BodyDraft, Task<BodySaveResult>> save, string what, string notice)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(save);
        if (form.Draft() is { } draft)
        {
            var saved = await save(draft);
            if (saved.Body is { } body)
            {
                await audit.RecordAsync(http, AuditActions.Change, target: $"body:{body.Id}", detail: BodyAudit.Describe(what, body));
                return ($"/organ/{Uri.EscapeDataString(body.Id)}?sparad={notice}", null);
            }

            form.Add(saved.Errors);
        }

        http.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return (null, await BodyFormView.LoadAsync(store, form, http.RequestAborted));
    }
}
