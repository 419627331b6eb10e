namespace BusFlow.Bus.Tests.Workflows;

/// <summary>The Alingsås-like example's mandate: three boards, a spring review and an autumn planning each year.</summary>
public sealed class SpringAndAutumnMandate() : SimulatedMandate("angsby-spring-and-autumn.yaml");
