public import Foundation

/// When to try a request again and how long to wait first: exponential backoff with jitter, or exactly what the
/// server's `Retry-After` asks for.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts after the first.
    public var retries: Int
    /// The wait before the first retry; doubled for each further one.
    public var baseDelay: Double
    public var maxDelay: Double
    /// The longest `Retry-After` obeyed as given; a server asking for more is retried after this.
    public var maxRetryAfter: Double

    public init(retries: Int = 5, baseDelay: Double = 0.5, maxDelay: Double = 30, maxRetryAfter: Double = 300) {
        self.retries = retries
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
    }

    /// The wait before retry number `attempt` (0 for the first retry): the server's `Retry-After` when it gave one
    /// (up to `maxRetryAfter`), else `baseDelay * 2^attempt` capped at `maxDelay`, scaled by a random factor in [0.5, 1] so that clients
    /// that failed together do not come back together.
    public func delay(attempt: Int, retryAfter: Double?) -> Double {
        if let retryAfter { return min(max(0, retryAfter), maxRetryAfter) }
        let exponential = min(maxDelay, baseDelay * pow(2, Double(min(attempt, 30))))
        return exponential * Double.random(in: 0.5...1)
    }

    /// `Retry-After` as seconds: either a number of seconds or an HTTP date.
    public static func retryAfterSeconds(_ value: String?, now: Date = Date()) -> Double? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Double(value) { return seconds }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: value).map { max(0, $0.timeIntervalSince(now)) }
    }
}
