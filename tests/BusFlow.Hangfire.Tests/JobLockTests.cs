using System.Reflection;
using BusFlow.Hangfire.Mail;
using BusFlow.Hangfire.Roles;
using BusFlow.Hangfire.Storage;
using BusFlow.Hangfire.Timers;
using Hangfire;

namespace BusFlow.Hangfire.Tests;

public sealed class JobLockTests
{
    /// <summary>
    /// A job-wide lock in Hangfire's storage outlives a node killed while holding it (until its timeout):
    /// in 2026 a killed node's delivery lock stopped all mail on every node for ten minutes.
    /// </summary>
    [Fact]
    public void No_BusFlow_job_takes_a_lock_in_Hangfire_s_storage_that_could_outlive_its_node()
    {
        var jobs = typeof(JobsStartup).Assembly.GetTypes().Where(t => t.Name.EndsWith("Job", StringComparison.Ordinal) || t.Name.EndsWith("Jobs", StringComparison.Ordinal)).ToList();
        Assert.Superset(new HashSet<Type> { typeof(TimerJobs), typeof(OutboxDeliveryJob), typeof(WeeklyDigestJob), typeof(RoleHandOverJob) }, jobs.ToHashSet());

        var locked = jobs
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<DisableConcurrentExecutionAttribute>() is not null)
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}");

        Assert.Empty(locked);
    }

    [Theory]
    [InlineData("BusFlow.Storage.Jobs.TimerJobs, BusFlow.Storage", typeof(TimerJobs))]
    [InlineData("BusFlow.Notifications.Delivery.OutboxDeliveryJob, BusFlow.Notifications", typeof(OutboxDeliveryJob))]
    [InlineData("BusFlow.Notifications.Reminders.WeeklyDigestJob, BusFlow.Notifications", typeof(WeeklyDigestJob))]
    [InlineData("BusFlow.Storage.Jobs.RoleHandOverJob, BusFlow.Storage", typeof(RoleHandOverJob))]
    public void A_job_stored_under_its_name_from_before_the_move_still_finds_its_type(string storedName, Type job) =>
        Assert.Equal(job, MovedJobTypes.Resolve(storedName));

    [Fact]
    public void Any_other_stored_type_name_resolves_as_Hangfire_would() =>
        Assert.Equal(typeof(TimerJobs), MovedJobTypes.Resolve("BusFlow.Hangfire.Timers.TimerJobs, BusFlow.Hangfire"));
}
