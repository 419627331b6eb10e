using BusFlow.Engine.Activities.BuiltIn;

namespace BusFlow.Engine.Activities;

public static class BuiltInActivities
{
    public static IEnumerable<ActivityType> All() =>
    [
        new SequenceActivity(),
        new ParallelActivity(),
        new ForEachActivity(),
        new IfActivity(),
        new SwitchActivity(),
        new SetVariableActivity(),
        new DelayActivity(),
        new WaitUntilActivity(),
        new HumanTaskActivity(),
        new StartWorkflowActivity(),
        new FailActivity(),
        new WhileActivity(),
        new WaitForSignalActivity(),
    ];
}
