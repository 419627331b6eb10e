using BusFlow.Bus.Activities;
using BusFlow.Bus.Calendar;
using BusFlow.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace BusFlow.Bus;

public static class BusServiceCollectionExtensions
{
    /// <summary>The BUS domain: the Swedish working-day calendar and the BUS activities for the workflows.</summary>
    public static IServiceCollection AddBusFlowBus(this IServiceCollection services)
    {
        services.AddSwedishWorkingDays();
        services.AddBusFlowActivity<ResolveRoleActivity>();
        services.AddBusFlowActivity<NextMeetingActivity>();
        services.AddBusFlowActivity<RecordDecisionActivity>();
        services.AddBusFlowActivity<LoadAgreementActivity>();
        services.AddBusFlowActivity<DraftAgreementActivity>();
        services.AddBusFlowActivity<SetAgreementStatusActivity>();
        services.AddBusFlowActivity<RecordSignatureActivity>();
        services.AddBusFlowActivity<SummarizeDecisionsActivity>();
        services.AddBusFlowActivity<ConvenerActivity>();
        return services;
    }
}
