using System.Globalization;
using System.Resources;
using BusFlow.Engine.Activities;
using BusFlow.Host.Hosting;
using BusFlow.Notifications.Activities;
using BusFlow.Testing.Wording;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BusFlow.Host.Tests.Design;

/// <summary>The designer shows every activity of the host, the modules' too, in Swedish first.</summary>
public sealed class ActivityWordingTests
{
    [Fact]
    public void Every_activity_its_properties_and_their_fields_are_described_in_Swedish_and_English()
    {
        using var services = new ServiceCollection().AddBusFlowWorkflows(DateTimeZone.Utc).BuildServiceProvider();
        var registry = services.GetRequiredService<ActivityRegistry>();

        var described = registry.Types.SelectMany(type => Described(type.Descriptor).Select(property => (type, property))).ToList();

        Assert.Contains(described, d => d.type.Descriptor.Type == "Task" && d.property == "reminders.maxAfter");
        Assert.Contains(described, d => d.type.Descriptor.Type == "SendEmail");
        Assert.Contains(described, d => d.type.Descriptor.Type == "RecordDecision");
        Assert.All(described, d =>
        {
            var english = d.type.DescriptionIn(CultureInfo.InvariantCulture, d.property);
            var swedish = d.type.DescriptionIn(ResourceWording.Swedish, d.property);
            Assert.False(string.IsNullOrWhiteSpace(english), $"{d.type.Descriptor.Type} {d.property} has no description");
            Assert.True(swedish != english, $"{d.type.Descriptor.Type} {d.property} is not described in Swedish");
        });
    }

    [Fact]
    public void The_mail_activities_messages_are_worded_in_Swedish_with_the_same_values_put_in()
    {
        var texts = new ResourceManager("BusFlow.Notifications.Activities.Texts.NotificationTexts", typeof(SendEmailActivity).Assembly);

        var english = ResourceWording.In(texts, CultureInfo.InvariantCulture);
        var swedish = ResourceWording.In(texts, ResourceWording.Swedish);

        Assert.NotEmpty(english);
        Assert.Equal(english.Keys.Order(StringComparer.Ordinal), swedish.Keys.Order(StringComparer.Ordinal));
        Assert.All(english, e => Assert.Equal(ResourceWording.Placeholders(e.Value), ResourceWording.Placeholders(swedish[e.Key])));
    }

    /// <summary>The activity itself (null), each property, and each field of a property shown as fields.</summary>
    private static IEnumerable<string?> Described(ActivityDescriptor descriptor) =>
        new string?[] { null }.Concat(descriptor.Properties.SelectMany(p =>
            new[] { p.Name }.Concat((p.Fields ?? []).Select(f => $"{p.Name}.{f.Name}"))));
}
