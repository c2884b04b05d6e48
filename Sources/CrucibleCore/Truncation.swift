/// Shortening text for people and models: the head and the tail are kept and a marker says how much was left out,
/// since the end of an error or a result often matters as much as its start (LiveCodeBench cuts its feedback the
/// same way).
public enum Truncation {
    /// `text` if it has at most `limit` characters; otherwise its head and tail around
    /// `…[N characters omitted]…`, `limit` characters in all (the marker included, as far as the limit allows).
    public static func headAndTail(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return text }
        let omittedGuess = text.count - limit
        var marker = "…[\(omittedGuess) characters omitted]…"
        let kept = max(0, limit - marker.count)
        marker = "…[\(text.count - kept) characters omitted]…"
        let head = (kept + 1) / 2
        let tail = kept - head
        return String(text.prefix(head)) + marker + String(text.suffix(tail))
    }
}
