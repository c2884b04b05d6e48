/// Case-insensitive searches for ASCII words in SQL text, on its UTF-8 bytes.
///
/// `String.lowercased().contains(_:)` goes through Foundation and Unicode case mapping for every query; for
/// ASCII needles the bytes say the same thing at a fraction of the cost (bytes of multi-byte characters are all
/// ≥ 0x80 and never match an ASCII byte).
public enum ASCIISearch {
    /// Whether `text` contains `needle` (given in lower case) ignoring ASCII case, like
    /// `text.lowercased().contains(needle)` for an ASCII needle.
    public static func contains(_ text: String, _ needle: StaticString) -> Bool {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= pattern.count, let first = pattern.first else { return pattern.isEmpty }
            var index = 0
            let last = bytes.count - pattern.count
            while index <= last {
                if lower(bytes[index]) == first {
                    var offset = 1
                    while offset < pattern.count && lower(bytes[index + offset]) == pattern[offset] { offset += 1 }
                    if offset == pattern.count { return true }
                }
                index += 1
            }
            return false
        }
    }

    @inline(__always)
    static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}
