using BusFlow.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace BusFlow.Host.Api.Errors;

/// <summary>The API's problem details (RFC 9457), one factory per kind of refusal.</summary>
public static class ApiProblems
{
    /// <summary>The member of a 503 that says why the database refused: <see cref="DiskFull"/> or <see cref="ReadOnly"/>.</summary>
    public const string StorageRefusal = "storageRefusal";

    public const string DiskFull = "diskFull";

    public const string ReadOnly = "readOnly";

    public static ProblemDetails NotFound(string detail) => Create(StatusCodes.Status404NotFound, detail);

    public static ProblemDetails Conflict(string detail) => Create(StatusCodes.Status409Conflict, detail);

    public static ProblemDetails BadRequest(string detail) => Create(StatusCodes.Status400BadRequest, detail);

    /// <summary>403: signed in, but this person may not reach this resource.</summary>
    public static ProblemDetails Forbidden(string detail) => Create(StatusCodes.Status403Forbidden, detail);

    /// <summary>A status the request itself earned (400, 413, 415), with the reason it was refused.</summary>
    public static ProblemDetails Refused(int status, string detail) => Create(status, detail);

    /// <summary>422 with an "errors" member listing each problem's JSON path and message.</summary>
    public static ProblemDetails Invalid(string detail, IEnumerable<ApiError> errors)
    {
        var problem = Create(StatusCodes.Status422UnprocessableEntity, detail);
        problem.Extensions["errors"] = errors.ToList();
        return problem;
    }

    /// <summary>
    /// 503: the database refuses every write (its disk is full, or it is read-only), with the sentence
    /// that says so and, under <see cref="StorageRefusal"/>, which of the two: a page words it in the reader's language.
    /// </summary>
    public static ProblemDetails StorageRefused(WriteRefusal refusal)
    {
        var problem = Create(StatusCodes.Status503ServiceUnavailable, refusal.Sentence);
        problem.Extensions[StorageRefusal] = refusal.Kind == WriteRefusalKind.DiskFull ? DiskFull : ReadOnly;
        return problem;
    }

    public static ProblemDetails Unexpected() =>
        Create(StatusCodes.Status500InternalServerError, "The server could not handle the request; the error was logged.");

    public static IResult ToResult(this ProblemDetails problem) => Results.Problem(problem);

    /// <summary>Bodiless error responses (an unknown route, a wrong method) get a detail that names the request.</summary>
    public static void DescribeBodilessResponse(ProblemDetailsContext context)
    {
        var request = context.HttpContext.Request;
        context.ProblemDetails.Detail ??= context.ProblemDetails.Status switch
        {
            StatusCodes.Status404NotFound => $"Nothing is found at {request.Path}.",
            StatusCodes.Status405MethodNotAllowed => $"{request.Path} does not take {request.Method} requests.",
            StatusCodes.Status415UnsupportedMediaType => "Send the request body as JSON (Content-Type: application/json).",
            StatusCodes.Status401Unauthorized => "Sign in first: a session of the web app, or a personal API token sent as 'Authorization: Bearer …'.",
            StatusCodes.Status403Forbidden => "Your account may not do this (its role, its boards, or the scopes of its token).",
            _ => null,
        };
    }

    private static ProblemDetails Create(int status, string detail) =>
        new() { Status = status, Title = ReasonPhrases.GetReasonPhrase(status), Detail = detail };
}

/// <summary>One problem in a request: where (a JSON path such as $.input.dueDate) and what.</summary>
public sealed record ApiError(string Path, string Message);
