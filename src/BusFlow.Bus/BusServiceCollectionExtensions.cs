using BusFlow.Bus.Activities;
using BusFlow.Bus.Calendar;
using BusFlow.Bus.Roles;
using BusFlow.Engine;
using BusFlow.Engine.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BusFlow.Bus;

public static class BusServiceCollectionExtensions
{
    /// <summary>The BUS domain: the Swedish working-day calendar, who holds a role (for reminders) and the BUS activities for the workflows.</summary>
    public static IServiceCollection AddBusFlowBus(this IServiceCollection services)
    {
        services.AddSwedishWorkingDays();
        services.Replace(ServiceDescriptor.Singleton<IRoleDirectory, BusRoleDirectory>());
        services.AddBusFlowActivity<ResolveRoleActivity>();
        services.AddBusFlowActivity<NextMeetingActivity>();
        services.AddBusFlowActivity<MeetingPlanStatusActivity>();
        services.AddBusFlowActivity<RecordDecisionActivity>();
        services.AddBusFlowActivity<LoadAgreementActivity>();
        services.AddBusFlowActivity<DraftAgreementActivity>();
        services.AddBusFlowActivity<PlanRenewalRoundActivity>();
        services.AddBusFlowActivity<SetAgreementStatusActivity>();
        services.AddBusFlowActivity<RecordSignatureActivity>();
        services.AddBusFlowActivity<SummarizeDecisionsActivity>();
        services.AddBusFlowActivity<ConvenerActivity>();
        services.AddBusFlowActivity<BodyMembersActivity>();
        services.AddBusFlowActivity<ShortcomingsActivity>();
        services.AddBusFlowActivity<PartyRepresentativeActivity>();
        services.AddBusFlowActivity<RecordRevisionActivity>();
        services.AddBusFlowActivity<ProtocolExtractActivity>();
        services.AddSingleton<Papers.MemoTemplates>();
        services.AddSingleton<MeetingPlans.DecisionDeadlines>();
        services.AddSingleton<MeetingPlans.MeetingPlanImport>();
        services.AddSingleton<MeetingPlans.MeetingPlanEditor>();
        services.AddSingleton<Boards.BoardRegistry>();
        services.AddSingleton<Boards.OrganizationRegistry>();
        services.AddSingleton<Cycles.AgreementCycleControl>();
        services.AddSingleton<Status.TaskInterventions>();
        services.AddSingleton<Agreements.AgreementRegistry>();
        services.AddSingleton<Bodies.BodyDirectory>();
        services.AddSingleton<Bodies.BodyRegistry>();
        services.AddSingleton<People.PersonRegistry>();
        services.AddSingleton<People.AssignmentRegistry>();
        services.AddSingleton<People.RolePreview>();
        services.AddSingleton<Wheel.YearWheelBuilder>();
        services.AddSingleton<Shortcomings.ShortcomingRegistry>();
        return services;
    }
}
