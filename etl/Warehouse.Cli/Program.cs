using Warehouse.Cli;

return await WarehouseCli.RunAsync(args, Console.Out, Console.Error);
