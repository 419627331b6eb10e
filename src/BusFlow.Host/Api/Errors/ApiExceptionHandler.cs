using System.Text.Json;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;
using BusFlow.Host.Security;
using BusFlow.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace BusFlow.Host.Api.Errors;

/// <summary>
/// Turns every exception into a problem: requests the runtime refuses by their kind, a lost race
/// for the same rows into 409, unreadable bodies into 400, a database whose disk is full or that is read-only
/// into a 503 that says so, anything else into a 500 that is logged here and shows no internals.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            WorkflowRequestException refused => FromRefusal(refused),
            ConcurrencyConflictException => ApiProblems.Conflict("Another request changed the same records at the same moment; this one changed nothing. Try again."),
            BadHttpRequestException unreadable => FromBadRequest(unreadable),
            _ => null,
        };
        if (problem is null && DatabaseWriteRefusal.Explain(exception, httpContext.RequestServices.GetService<StorageOptions>()) is { } refusal)
        {
            logger.LogCritical(exception, "{Method} {Path} failed: {Refusal}", httpContext.Request.Method, SecretPaths.Redact(httpContext.Request.Path), refusal.Sentence);
            problem = ApiProblems.StorageRefused(refusal);
        }

        if (problem is null)
        {
            logger.LogError(exception, "{Method} {Path} failed.", httpContext.Request.Method, SecretPaths.Redact(httpContext.Request.Path));
            problem = ApiProblems.Unexpected();
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
    }

    private static ProblemDetails FromRefusal(WorkflowRequestException refused) => refused.Kind switch
    {
        RequestErrorKind.NotFound => ApiProblems.NotFound(refused.Message),
        RequestErrorKind.Conflict => ApiProblems.Conflict(refused.Message),
        _ => ApiProblems.Invalid(refused.Message, refused.Errors.Select(e => new ApiError(e.JsonPath, e.Message))),
    };

    private static ProblemDetails FromBadRequest(BadHttpRequestException unreadable)
    {
        var detail = unreadable.InnerException is JsonException json
            ? $"The request body is not valid JSON: {json.Message}"
            : unreadable.Message;
        return ApiProblems.Refused(unreadable.StatusCode, detail);
    }
}
