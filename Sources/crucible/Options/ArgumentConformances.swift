public import ArgumentParser
public import CrucibleBenchmarks
public import CrucibleModels
public import CrucibleRuns
public import CrucibleSQL

extension Benchmark: ExpressibleByArgument {}
extension SQLRuleName: ExpressibleByArgument {}
extension FewShotPool.Selection: ExpressibleByArgument {}
extension SQLPredictionFormat: ExpressibleByArgument {}
extension OpenAICompatibleModel.Endpoint: ExpressibleByArgument {}
extension RepairMode: ExpressibleByArgument {}
extension FeedbackKind: ExpressibleByArgument {}
extension TrainingExport.Kind: ExpressibleByArgument {}
extension TrainingExport.Format: ExpressibleByArgument {}
extension ReportPipeline.Format: ExpressibleByArgument {}
extension CRUXEvalPrompts.Style: ExpressibleByArgument {}
