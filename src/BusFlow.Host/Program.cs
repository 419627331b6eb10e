using BusFlow.Host.Cli;

return await BusFlowCli.RunAsync(args, Console.Out, Console.Error);
