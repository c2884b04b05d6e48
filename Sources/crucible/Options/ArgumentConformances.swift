public import ArgumentParser
public import CrucibleBenchmarks
public import CrucibleModels
public import CrucibleSQL

extension Benchmark: ExpressibleByArgument {}
extension SQLRuleName: ExpressibleByArgument {}
extension FewShotPool.Selection: ExpressibleByArgument {}
extension SQLPredictionFormat: ExpressibleByArgument {}
extension OpenAICompatibleModel.Endpoint: ExpressibleByArgument {}
