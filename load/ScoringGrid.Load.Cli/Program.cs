using ScoringGrid.Load.Cli;

return await SgLoadCommand.Create().Parse(args).InvokeAsync();
