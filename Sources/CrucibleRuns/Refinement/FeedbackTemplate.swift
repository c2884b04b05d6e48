public import CrucibleBenchmarks
import Foundation

/// The message a repair request shows the model after its failing answer: a template per feedback kind, whose
/// `{details}` the benchmark fills (the error, the result, the failing test, the trace). `--feedback-template FILE`
/// replaces the default of the run's kind; docs/refinement.md lists the defaults.
public struct FeedbackTemplate: Sendable {
    public let kind: FeedbackKind
    public let template: PromptTemplate
    /// SHA-256 of the template file; nil for the default.
    public let fileSHA256: String?

    static let placeholders: Set<String> = ["details"]

    /// The default text of each kind.
    public static func defaultText(_ kind: FeedbackKind) -> String {
        switch kind {
        case .simple: return "The code above is wrong. Please fix it."
        case .error: return "The code above is wrong.\n\n{details}\n\nPlease fix it."
        case .result: return "The code above is wrong. This is what it returned:\n\n{details}\n\nPlease fix it."
        case .tests: return "The code above fails a test.\n\n{details}\n\nPlease fix it."
        case .trace:
            return "The code above fails a test.\n\n{details}\n\nPlease fix it."
        }
    }

    /// `file` nil: the kind's default.
    public init(kind: FeedbackKind, file: String? = nil) throws {
        self.kind = kind
        if let file {
            template = try PromptTemplate(file: file, allowed: Self.placeholders)
            fileSHA256 = try FileHashes.sha256(file)
        } else {
            template = try PromptTemplate(Self.defaultText(kind), allowed: Self.placeholders, source: "default")
            fileSHA256 = nil
        }
    }

    public func render(details: String) -> String {
        template.render(["details": details])
    }
}
