import Foundation

/// Where the cross-run generation cache lives: `--generation-cache FILE`, `off`, or the default
/// (`$CRUCIBLE_GENERATION_CACHE`, else `$XDG_CACHE_HOME/crucible/generations.sqlite`, else `~/.cache/...`).
public enum GenerationCacheLocation: Sendable, Equatable {
    case `default`
    case off
    case file(String)

    /// `off` or a path, as `--generation-cache` takes it.
    public init(argument: String?) {
        switch argument {
        case nil: self = .default
        case "off": self = .off
        case let path?: self = .file(path)
        }
    }

    func open() throws(RunStoreError) -> GenerationCache? {
        let environment = ProcessInfo.processInfo.environment
        let path: String
        switch self {
        case .off: return nil
        case .file(let file): path = file
        case .default:
            let root = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory() + "/.cache"
            path = environment["CRUCIBLE_GENERATION_CACHE"] ?? root + "/crucible/generations.sqlite"
        }
        return path == "off" ? nil : try GenerationCache(path: path)
    }
}
